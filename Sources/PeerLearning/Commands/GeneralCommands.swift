extension CommandFamily {
    /// `!help`, `!status`, `!language`.
    static let generalCommands: [CommandDefinition] = [
        .init(.help, en: ["help"], da: ["hjælp"], roles: .everyone,
              arguments: ("[command]", "[kommando]"), parse: CommandParser.parseHelp),
        .init(.status, en: ["status"], da: ["status"], roles: .everyone, always: .status),
        .init(.language, en: ["language"], da: ["sprog"], roles: .supervisors,
              arguments: ("da|en", "da|en"), parse: CommandParser.parseLanguage),
    ]
}
