extension CommandFamily {
    /// `!mydata`: everything stored about the caller.
    static let privacyCommands: [CommandDefinition] = [
        .init(.mydata, en: ["mydata", "my data"], da: ["mine data", "minedata"], roles: .students, always: .mydata),
    ]
}
