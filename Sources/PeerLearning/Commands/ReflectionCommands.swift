/// `!reflect`: only where a reflection has a reader, the student's own group room
/// (shared) or their direct room with the bot (private).
public enum ReflectionCommand: FamilyCommand {
    case reflect(text: String)

    var name: CommandName {
        switch self {
        case .reflect: .reflect
        }
    }

    var command: Command { .reflection(self) }

    var texts: [(TextKind, String)] {
        switch self {
        case .reflect(let text): [(.reflection, text)]
        }
    }

    var studentText: String? {
        switch self {
        case .reflect(let text): text
        }
    }

    func replacingStudentText(with text: String) -> Self {
        switch self {
        case .reflect: .reflect(text: text)
        }
    }

    static let definitions: [CommandDefinition] = [
        // A reflection changes no group, session or name: the batch's look-ups stay as they are.
        define(.reflect, en: ["reflect"], da: ["refleksion", "reflekter", "reflektér"], roles: .students, places: [.group, .direct],
               arguments: ("<text>", "<tekst>"), refreshesLookups: false,
               summary: ("Reflect on the latest session: shared in the group room, private in your direct chat with me.",
                         "Reflektér over seneste session: delt i grupperummet, privat i din direkte samtale med mig.")) {
            CommandParser.requiredText(&$0).map { .reflect(text: $0) }
        },
    ]
}

/// The family's commands as texts, answers and tests name them.
extension CommandName {
    public static let reflect = CommandName(.reflection, "reflect")
}
