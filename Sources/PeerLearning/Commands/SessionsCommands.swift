extension CommandFamily {
    /// `!session plan|goal|outcome|activity|move|cancel` and `!sessions`.
    static let sessionsCommands: [CommandDefinition] = [
        .init(.sessionPlan, en: ["session plan"], da: ["session planlæg"], roles: .supervisors,
              arguments: ("[<group>|all] <when> <duration> <title>", "[<gruppe>|alle] <tidspunkt> <varighed> <titel>"),
              takesTime: true, parse: CommandParser.parseSessionPlan),
        .init(.sessionGoal, en: ["session goal"], da: ["session mål"], roles: .supervisors,
              arguments: ("[#session] <text>", "[#session] <tekst>")) {
            CommandParser.sessionAndText(&$0).map { .sessionGoal(session: $0, text: $1) }
        },
        .init(.sessionOutcome, en: ["session outcome"], da: ["session resultat"], roles: .supervisors,
              arguments: ("[#session] <text>", "[#session] <tekst>")) {
            CommandParser.sessionAndText(&$0).map { .sessionOutcome(session: $0, text: $1) }
        },
        .init(.sessionActivity, en: ["session activity"], da: ["session aktivitet"], roles: .supervisors,
              arguments: ("[#session] discussion|problem|project|case [brief]", "[#session] diskussion|problem|projekt|case [beskrivelse]"),
              parse: CommandParser.parseSessionActivity),
        .init(.sessionMove, en: ["session move"], da: ["session flyt"], roles: .supervisors,
              arguments: ("[#session] <when>", "[#session] <tidspunkt>"), takesTime: true, parse: CommandParser.parseSessionMove),
        .init(.sessionCancel, en: ["session cancel"], da: ["session aflys"], roles: .supervisors,
              arguments: ("[#session]", "[#session]")) { CommandParser.onlySession(&$0).map { .sessionCancel(session: $0) } },
        .init(.sessions, en: ["sessions"], da: ["sessioner"], roles: .members,
              arguments: ("[<group>|all]", "[<gruppe>|alle]")) { CommandParser.onlyGroup(&$0).map { .sessions(group: $0) } },
    ]
}
