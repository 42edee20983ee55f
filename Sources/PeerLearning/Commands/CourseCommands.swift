extension CommandFamily {
    /// `!release` of an assessment round, `!extend` of one student's deadlines, `!overview` of the course.
    static let courseCommands: [CommandDefinition] = [
        .init(.release, en: ["release"], da: ["frigiv"], roles: .supervisors,
              arguments: ("[<group>] [round]", "[<gruppe>] [runde]"), parse: CommandParser.parseRelease),
        .init(.extend, en: ["extend"], da: ["forlæng"], roles: .supervisors,
              arguments: ("@user <duration>", "@bruger <varighed>"), user: .somewhere, parse: CommandParser.parseExtend),
        .init(.overview, en: ["overview"], da: ["overblik"], roles: .supervisors,
              arguments: ("[<group>|all]", "[<gruppe>|alle]"), answersInSupervisorRoom: true) {
            CommandParser.onlyGroup(&$0).map { .overview(group: $0) }
        },
    ]
}
