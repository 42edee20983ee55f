/// A command with its arguments checked and typed, ready for its handler: one case per family,
/// each holding that family's own command (`Commands/<Family>Commands.swift`).
public enum Command: Equatable, Sendable {
    case general(GeneralCommand)
    case roster(RosterCommand)
    case groups(GroupsCommand)
    case sessions(SessionsCommand)
    case participation(ParticipationCommand)
    case tasks(TasksCommand)
    case reflection(ReflectionCommand)
    case assessment(AssessmentCommand)
    case reporting(ReportingCommand)
    case course(CourseCommand)
    case privacy(PrivacyCommand)

    /// The command as its family declares it.
    var inFamily: any FamilyCommand {
        switch self {
        case .general(let command): command
        case .roster(let command): command
        case .groups(let command): command
        case .sessions(let command): command
        case .participation(let command): command
        case .tasks(let command): command
        case .reflection(let command): command
        case .assessment(let command): command
        case .reporting(let command): command
        case .course(let command): command
        case .privacy(let command): command
        }
    }

    /// Which command this is, for permission checks and usage lines.
    public var name: CommandName { inFamily.name }
}

/// The outcome of reading a message body as a command.
public enum CommandParse: Equatable, Sendable {
    /// Not addressed to the bot as a command; say nothing.
    case notCommand
    /// The prefix followed by a word that names no command.
    case unknown(word: String)
    /// A known command whose arguments do not fit its usage line.
    case malformed(CommandName)
    /// A known command whose time or duration could not be read; `part` is what was not read.
    case unreadable(CommandName, part: String)
    /// A user argument written as a name that several known people share.
    case ambiguousUser(CommandName, name: String, candidates: [String])
    case command(Command)
}
