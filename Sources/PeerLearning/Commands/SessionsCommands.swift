/// `!session plan|goal|outcome|activity|move|cancel` and `!sessions`.
public enum SessionsCommand: FamilyCommand {
    case sessionPlan(group: GroupRef, when: WhenSpec, duration: DurationSpec, title: String)
    case sessionGoal(session: SessionRef, text: String)
    case sessionOutcome(session: SessionRef, text: String)
    case sessionActivity(session: SessionRef, kind: ActivityKind, brief: String)
    case sessionMove(session: SessionRef, when: WhenSpec)
    case sessionCancel(session: SessionRef)
    case sessions(group: GroupRef)

    var name: CommandName {
        switch self {
        case .sessionPlan: .sessionPlan
        case .sessionGoal: .sessionGoal
        case .sessionOutcome: .sessionOutcome
        case .sessionActivity: .sessionActivity
        case .sessionMove: .sessionMove
        case .sessionCancel: .sessionCancel
        case .sessions: .sessions
        }
    }

    var command: Command { .sessions(self) }

    var texts: [(TextKind, String)] {
        switch self {
        case .sessionPlan(_, _, _, let title): [(.title, title)]
        case .sessionGoal(_, let text), .sessionOutcome(_, let text): [(.goal, text)]
        case .sessionActivity(_, _, let brief): [(.brief, brief)]
        case .sessionMove, .sessionCancel, .sessions: []
        }
    }

    var studentText: String? {
        switch self {
        case .sessionPlan, .sessionGoal, .sessionOutcome, .sessionActivity, .sessionMove, .sessionCancel, .sessions: nil
        }
    }

    func replacingStudentText(with text: String) -> Self {
        switch self {
        case .sessionPlan, .sessionGoal, .sessionOutcome, .sessionActivity, .sessionMove, .sessionCancel, .sessions: self
        }
    }

    static let definitions: [CommandDefinition] = [
        define(.sessionPlan, en: ["session plan"], da: ["session planlæg"], roles: .supervisors,
               arguments: ("[<group>|all] <when> <duration> <title>", "[<gruppe>|alle] <tidspunkt> <varighed> <titel>"),
               unreadableTime: CommandParser.unreadableSessionPlanTime,
               summary: ("Plan a session (one per group with all); the reply gives each session's #number.",
                         "Planlæg en session (én pr. gruppe med alle); svaret giver hver session et #nummer."), parse: CommandParser.parseSessionPlan),
        define(.sessionGoal, en: ["session goal"], da: ["session mål"], roles: .supervisors,
               arguments: ("[#session] <text>", "[#session] <tekst>"),
               summary: ("Add a goal to a session.",
                         "Tilføj et mål til en session.")) {
            CommandParser.sessionAndText(&$0).map { .sessionGoal(session: $0, text: $1) }
        },
        define(.sessionOutcome, en: ["session outcome"], da: ["session resultat"], roles: .supervisors,
               arguments: ("[#session] <text>", "[#session] <tekst>"),
               summary: ("Add an expected outcome to a session.",
                         "Tilføj et forventet læringsudbytte til en session.")) {
            CommandParser.sessionAndText(&$0).map { .sessionOutcome(session: $0, text: $1) }
        },
        define(.sessionActivity, en: ["session activity"], da: ["session aktivitet"], roles: .supervisors,
               arguments: ("[#session] discussion|problem|project|case [brief]", "[#session] diskussion|problem|projekt|case [beskrivelse]"),
               summary: ("Set the session's activity and a short brief.",
                         "Angiv sessionens aktivitet og en kort beskrivelse."), parse: CommandParser.parseSessionActivity),
        define(.sessionMove, en: ["session move"], da: ["session flyt"], roles: .supervisors,
               arguments: ("[#session] <when>", "[#session] <tidspunkt>"), unreadableTime: CommandParser.unreadableSessionMoveTime,
               summary: ("Move a session to a new time; the members are told.",
                         "Flyt en session til et nyt tidspunkt; deltagerne får besked."), parse: CommandParser.parseSessionMove),
        define(.sessionCancel, en: ["session cancel"], da: ["session aflys"], roles: .supervisors,
               arguments: ("[#session]", "[#session]"),
               summary: ("Cancel a session; the members are told.",
                         "Aflys en session; deltagerne får besked.")) {
            CommandParser.onlySession(&$0).map { .sessionCancel(session: $0) }
        },
        define(.sessions, en: ["sessions"], da: ["sessioner"], roles: .members,
               arguments: ("[<group>|all]", "[<gruppe>|alle]"),
               summary: ("Show planned and past sessions.",
                         "Vis planlagte og tidligere sessioner.")) {
            CommandParser.onlyGroup(&$0).map { .sessions(group: $0) }
        },
    ]
}

/// The family's commands as texts, answers and tests name them.
extension CommandName {
    public static let sessionPlan = CommandName(.sessions, "sessionPlan")
    public static let sessionGoal = CommandName(.sessions, "sessionGoal")
    public static let sessionOutcome = CommandName(.sessions, "sessionOutcome")
    public static let sessionActivity = CommandName(.sessions, "sessionActivity")
    public static let sessionMove = CommandName(.sessions, "sessionMove")
    public static let sessionCancel = CommandName(.sessions, "sessionCancel")
    public static let sessions = CommandName(.sessions, "sessions")
}
