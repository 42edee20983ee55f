extension CommandFamily {
    /// Preparing and leading a session: `!understood`, `!question`, `!ready`, `!notready`,
    /// `!facilitator`, `!absent`.
    static let participationCommands: [CommandDefinition] = [
        .init(.understood, en: ["understood"], da: ["forstået"], roles: .students, always: .understood),
        .init(.question, en: ["question"], da: ["spørgsmål"], roles: .students,
              arguments: ("<text>", "<tekst>")) { CommandParser.requiredText(&$0).map { .question(text: $0) } },
        .init(.ready, en: ["ready"], da: ["klar"], roles: .supervisors,
              arguments: ("@user", "@bruger"), user: .rest) { CommandParser.onlyUser(&$0).map { .ready(userID: $0) } },
        .init(.notReady, en: ["notready", "not ready"], da: ["ikkeklar", "ikke klar"], roles: .supervisors,
              arguments: ("@user", "@bruger"), user: .rest) { CommandParser.onlyUser(&$0).map { .notReady(userID: $0) } },
        .init(.facilitator, en: ["facilitator"], da: ["facilitator"], roles: .members,
              arguments: ("[@user|me]", "[@bruger|mig]"), user: .rest, parse: CommandParser.parseFacilitator),
        .init(.absent, en: ["absent"], da: ["fraværende"], roles: .members,
              arguments: ("[#session] [@user]", "[#session] [@bruger]"), user: .rest, parse: CommandParser.parseAbsent),
    ]
}
