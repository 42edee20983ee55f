extension CommandFamily {
    /// `!reflect`: only where a reflection has a reader, the student's own group room
    /// (shared) or their direct room with the bot (private).
    static let reflectionCommands: [CommandDefinition] = [
        .init(.reflect, en: ["reflect"], da: ["refleksion", "reflekter", "reflektér"], roles: .students, places: [.group, .direct],
              arguments: ("<text>", "<tekst>")) { CommandParser.requiredText(&$0).map { .reflect(text: $0) } },
    ]
}
