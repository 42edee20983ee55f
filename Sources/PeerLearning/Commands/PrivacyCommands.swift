/// `!mydata`: everything stored about the caller.
public enum PrivacyCommand: FamilyCommand {
    case mydata

    var name: CommandName {
        switch self {
        case .mydata: .mydata
        }
    }

    var command: Command { .privacy(self) }

    var texts: [(TextKind, String)] {
        switch self {
        case .mydata: []
        }
    }

    var studentText: String? {
        switch self {
        case .mydata: nil
        }
    }

    func replacingStudentText(with text: String) -> Self {
        switch self {
        case .mydata: self
        }
    }

    static let definitions: [CommandDefinition] = [
        define(.mydata, en: ["mydata", "my data"], da: ["mine data", "minedata"], roles: .students,
               summary: ("Get everything stored about you, as a file in your direct chat with me.",
                         "Få alt, hvad der er gemt om dig, som en fil i din direkte samtale med mig."), always: .mydata),
    ]
}

/// The family's commands as texts, answers and tests name them.
extension CommandName {
    public static let mydata = CommandName(.privacy, "mydata")
}
