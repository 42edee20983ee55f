/// `!help`, `!status`, `!language`.
public enum GeneralCommand: FamilyCommand {
    case help(topic: CommandName?)
    case status
    case language(Language)

    var name: CommandName {
        switch self {
        case .help: .help
        case .status: .status
        case .language: .language
        }
    }

    var command: Command { .general(self) }

    var texts: [(TextKind, String)] {
        switch self {
        case .help, .status, .language: []
        }
    }

    var studentText: String? {
        switch self {
        case .help, .status, .language: nil
        }
    }

    func replacingStudentText(with text: String) -> Self {
        switch self {
        case .help, .status, .language: self
        }
    }

    static let definitions: [CommandDefinition] = [
        define(.help, en: ["help"], da: ["hjælp"], roles: .everyone, arguments: ("[command]", "[kommando]"),
               summary: ("Show the commands you can use here, or how to use one of them.",
                         "Vis de kommandoer, du kan bruge her, eller hvordan én af dem bruges."), parse: CommandParser.parseHelp),
        define(.status, en: ["status"], da: ["status"], roles: .everyone,
               summary: ("Your next session, its facilitator, your open tasks and what is waiting for you.",
                         "Din næste session, hvem der faciliterer, dine åbne opgaver og det, der venter på dig."), always: .status),
        define(.language, en: ["language"], da: ["sprog"], roles: .supervisors, arguments: ("da|en", "da|en"),
               summary: ("Set this room's language (da or en).",
                         "Vælg sproget i dette rum (da eller en)."), parse: CommandParser.parseLanguage),
    ]
}

/// The family's commands as texts, answers and tests name them.
extension CommandName {
    public static let help = CommandName(.general, "help")
    public static let status = CommandName(.general, "status")
    public static let language = CommandName(.general, "language")
}
