/// `!summary`, `!remind`, `!export`.
public enum ReportingCommand: FamilyCommand {
    case summary(group: GroupRef, session: SessionRef)
    case remind(group: GroupRef)
    case export(group: GroupRef)

    var name: CommandName {
        switch self {
        case .summary: .summary
        case .remind: .remind
        case .export: .export
        }
    }

    var command: Command { .reporting(self) }

    var texts: [(TextKind, String)] {
        switch self {
        case .summary, .remind, .export: []
        }
    }

    var studentText: String? {
        switch self {
        case .summary, .remind, .export: nil
        }
    }

    func replacingStudentText(with text: String) -> Self {
        switch self {
        case .summary, .remind, .export: self
        }
    }

    static let definitions: [CommandDefinition] = [
        define(.summary, en: ["summary"], da: ["opsummering"], roles: .supervisors,
               arguments: ("[<group>] [#session]", "[<gruppe>] [#session]"), answersInSupervisorRoom: true,
               summary: ("Post the summary of a session now.",
                         "Send opsummeringen af en session nu."), parse: CommandParser.parseSummary),
        define(.remind, en: ["remind"], da: ["påmind"], roles: .supervisors, arguments: ("[<group>]", "[<gruppe>]"),
               summary: ("Nudge everyone with an open confirmation, reflection or assessment.",
                         "Påmind alle, der mangler en bekræftelse, en refleksion eller en vurdering.")) {
            CommandParser.onlyGroup(&$0).map { .remind(group: $0) }
        },
        define(.export, en: ["export"], da: ["eksport", "eksportér", "eksporter"], roles: .supervisors,
               arguments: ("[<group>]", "[<gruppe>]"), answersInSupervisorRoom: true,
               summary: ("Upload a CSV of reflections, participation and assessments to the supervisor room.",
                         "Upload en CSV-fil med refleksioner, deltagelse og vurderinger til vejlederrummet.")) {
            CommandParser.onlyGroup(&$0).map { .export(group: $0) }
        },
    ]
}

/// The family's commands as texts, answers and tests name them.
extension CommandName {
    public static let summary = CommandName(.reporting, "summary")
    public static let remind = CommandName(.reporting, "remind")
    public static let export = CommandName(.reporting, "export")
}
