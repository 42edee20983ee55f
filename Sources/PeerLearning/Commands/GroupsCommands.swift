extension CommandFamily {
    /// `!groups plan`, `!groups create`, `!groups`, `!group move`.
    static let groupsCommands: [CommandDefinition] = [
        .init(.groupsPlan, en: ["groups plan"], da: ["grupper planlæg"], roles: .supervisors,
              arguments: ("[size=N] [seed=N]", "[størrelse=N] [seed=N]"), parse: CommandParser.parseGroupsPlan),
        .init(.groupsCreate, en: ["groups create"], da: ["grupper opret"], roles: .supervisors, always: .groupsCreate),
        .init(.groups, en: ["groups"], da: ["grupper"], roles: .supervisors, always: .groups),
        .init(.groupMove, en: ["group move"], da: ["gruppe flyt"], roles: .supervisors,
              arguments: ("@user <group>", "@bruger <gruppe>"), user: .somewhere, parse: CommandParser.parseGroupMove),
    ]
}
