extension CommandFamily {
    /// `!summary`, `!remind`, `!export`.
    static let reportingCommands: [CommandDefinition] = [
        .init(.summary, en: ["summary"], da: ["opsummering"], roles: .supervisors,
              arguments: ("[<group>] [#session]", "[<gruppe>] [#session]"), answersInSupervisorRoom: true,
              parse: CommandParser.parseSummary),
        .init(.remind, en: ["remind"], da: ["påmind"], roles: .supervisors,
              arguments: ("[<group>]", "[<gruppe>]")) { CommandParser.onlyGroup(&$0).map { .remind(group: $0) } },
        .init(.export, en: ["export"], da: ["eksport", "eksportér", "eksporter"], roles: .supervisors,
              arguments: ("[<group>]", "[<gruppe>]"), answersInSupervisorRoom: true) { CommandParser.onlyGroup(&$0).map { .export(group: $0) } },
    ]
}
