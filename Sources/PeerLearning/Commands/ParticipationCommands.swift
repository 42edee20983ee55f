/// Preparing and leading a session: `!understood`, `!question`, `!ready`, `!notready`,
/// `!facilitator`, `!absent`.
public enum ParticipationCommand: FamilyCommand {
    case understood
    case question(text: String)
    case ready(userID: String)
    case notReady(userID: String)
    case facilitator(FacilitatorTarget?)
    case absent(session: SessionRef, user: String?)

    var name: CommandName {
        switch self {
        case .understood: .understood
        case .question: .question
        case .ready: .ready
        case .notReady: .notReady
        case .facilitator: .facilitator
        case .absent: .absent
        }
    }

    var command: Command { .participation(self) }

    var texts: [(TextKind, String)] {
        switch self {
        case .question(let text): [(.question, text)]
        case .understood, .ready, .notReady, .facilitator, .absent: []
        }
    }

    var studentText: String? {
        switch self {
        case .question(let text): text
        case .understood, .ready, .notReady, .facilitator, .absent: nil
        }
    }

    func replacingStudentText(with text: String) -> Self {
        switch self {
        case .question: .question(text: text)
        case .understood, .ready, .notReady, .facilitator, .absent: self
        }
    }

    static let definitions: [CommandDefinition] = [
        define(.understood, en: ["understood"], da: ["forstået"], roles: .students,
               summary: ("Confirm that you understand the goals of the next session.",
                         "Bekræft, at du har forstået målene for næste session."), always: .understood),
        define(.question, en: ["question"], da: ["spørgsmål"], roles: .students, arguments: ("<text>", "<tekst>"),
               summary: ("Ask a question about the goals; it goes to your supervisors.",
                         "Stil et spørgsmål om målene; det sendes til dine vejledere.")) {
            CommandParser.requiredText(&$0).map { .question(text: $0) }
        },
        define(.ready, en: ["ready"], da: ["klar"], roles: .supervisors, arguments: ("@user", "@bruger"), user: .rest,
               summary: ("Mark a student as ready to facilitate.",
                         "Markér en studerende som klar til at facilitere.")) {
            CommandParser.onlyUser(&$0).map { .ready(userID: $0) }
        },
        define(.notReady, en: ["notready", "not ready"], da: ["ikkeklar", "ikke klar"], roles: .supervisors,
               arguments: ("@user", "@bruger"), user: .rest,
               summary: ("Mark a student as not ready to facilitate.",
                         "Markér en studerende som ikke klar til at facilitere.")) {
            CommandParser.onlyUser(&$0).map { .notReady(userID: $0) }
        },
        define(.facilitator, en: ["facilitator"], da: ["facilitator"], roles: .members,
               arguments: ("[@user|me]", "[@bruger|mig]"), user: .rest,
               summary: ("Who facilitates the next session; a supervisor may choose someone else.",
                         "Hvem der faciliterer næste session; en vejleder kan vælge en anden."), parse: CommandParser.parseFacilitator),
        define(.absent, en: ["absent"], da: ["fraværende"], roles: .members,
               arguments: ("[#session] [@user]", "[#session] [@bruger]"), user: .restAfterSession,
               summary: ("Report absence from a session; the facilitator rotation skips you.",
                         "Meld afbud til en session; du springes over, når facilitatorrollen går på omgang."), parse: CommandParser.parseAbsent),
    ]
}

/// The family's commands as texts, answers and tests name them.
extension CommandName {
    public static let understood = CommandName(.participation, "understood")
    public static let question = CommandName(.participation, "question")
    public static let ready = CommandName(.participation, "ready")
    public static let notReady = CommandName(.participation, "notReady")
    public static let facilitator = CommandName(.participation, "facilitator")
    public static let absent = CommandName(.participation, "absent")
}
