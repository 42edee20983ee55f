/// `!criteria`, `!evaluate`, `!feedback`.
public enum AssessmentCommand: FamilyCommand {
    case criteria(text: String)
    case evaluate(group: GroupRef)
    case feedback(target: FeedbackTarget, text: String)

    var name: CommandName {
        switch self {
        case .criteria: .criteria
        case .evaluate: .evaluate
        case .feedback: .feedback
        }
    }

    var command: Command { .assessment(self) }

    var texts: [(TextKind, String)] {
        switch self {
        case .criteria(let text): [(.criteria, text)]
        case .feedback(_, let text): [(.feedback, text)]
        case .evaluate: []
        }
    }

    var studentText: String? {
        switch self {
        case .criteria, .evaluate, .feedback: nil
        }
    }

    func replacingStudentText(with text: String) -> Self {
        switch self {
        case .criteria, .evaluate, .feedback: self
        }
    }

    static let definitions: [CommandDefinition] = [
        define(.criteria, en: ["criteria"], da: ["kriterier"], roles: .supervisors, arguments: ("<text>", "<tekst>"),
               summary: ("Set the assessment criteria; they are posted and pinned in every group room.",
                         "Fastsæt vurderingskriterierne; de slås op og fastgøres i alle grupperum.")) {
            CommandParser.requiredText(&$0).map { .criteria(text: $0) }
        },
        define(.evaluate, en: ["evaluate"], da: ["evaluer", "evaluér"], roles: .supervisors, arguments: ("[<group>]", "[<gruppe>]"),
               summary: ("Start a peer-assessment round now.",
                         "Start en runde med peer-vurdering nu.")) {
            CommandParser.onlyGroup(&$0).map { .evaluate(group: $0) }
        },
        define(.feedback, en: ["feedback"], da: ["feedback"], roles: .supervisors,
               arguments: ("@user|<group> <text>", "@bruger|<gruppe> <tekst>"), user: .somewhere,
               summary: ("Give feedback to one student (privately) or to a group.",
                         "Giv feedback til én studerende (privat) eller til en gruppe."), parse: CommandParser.parseFeedback),
    ]
}

/// The family's commands as texts, answers and tests name them.
extension CommandName {
    public static let criteria = CommandName(.assessment, "criteria")
    public static let evaluate = CommandName(.assessment, "evaluate")
    public static let feedback = CommandName(.assessment, "feedback")
}
