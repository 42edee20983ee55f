/// Everything about one command but its replies: the words that call it in either language, who
/// may use it and where, its usage line, its line in help and how its arguments are read. Each
/// family writes its definitions with `FamilyCommand.define`.
public struct CommandDefinition: Sendable {
    /// How a command takes a `@user`, which a pill or a display name may stand for.
    public enum UserArgument: Sendable {
        case none
        /// Somewhere among the arguments.
        case somewhere
        /// All that follows: a pill's display name the bot does not know is then still read as
        /// the pill's user.
        case rest
        /// All that follows an optional `#session` (`!absent #3 @anna`), read as `rest` is.
        case restAfterSession
    }

    public let name: CommandName
    /// The English words that call the command; the first is the one shown in help.
    public let english: [String]
    /// The Danish words that call the command; the first is the one shown in help.
    public let danish: [String]
    /// Who may use the command at all; finer rules (a student overriding the facilitator,
    /// assigning a task to someone else) are decided by the command's handler.
    public let roles: Set<Role>
    /// The rooms where the command does something; help shows it only there.
    public let places: Set<CommandPlace>
    /// The arguments after the command word, as usage lines show them.
    let arguments: (en: String, da: String)
    let user: UserArgument
    /// For a command that takes a `<when>` or `<duration>` (whose formats help explains) and did
    /// not parse: the words where reading the time failed, or nil when the usage line says enough.
    let unreadableTime: (@Sendable (ArgumentCursor) -> String?)?
    /// Whether the answer carries private texts (reflections, the roster's attributes, an export)
    /// and so goes to the supervisor room wherever the command was written.
    public let answersInSupervisorRoom: Bool
    /// Whether the command may change groups, sessions, the roster or the names people are known
    /// by, so that what a batch has looked up of them is read again after it.
    public let refreshesLookups: Bool
    /// The line help shows for the command, in English and Danish.
    let summary: (en: String, da: String)
    /// Reads the arguments; nil when they do not fit the usage line.
    let parse: @Sendable (inout ArgumentCursor) -> Command?

    init(_ name: CommandName, en: [String], da: [String], roles: Set<Role>, places: Set<CommandPlace>,
         arguments: (en: String, da: String), user: UserArgument, unreadableTime: (@Sendable (ArgumentCursor) -> String?)?,
         answersInSupervisorRoom: Bool, refreshesLookups: Bool, summary: (en: String, da: String),
         parse: @escaping @Sendable (inout ArgumentCursor) -> Command?) {
        self.name = name
        self.english = en
        self.danish = da
        self.roles = roles
        self.places = places
        self.arguments = arguments
        self.user = user
        self.unreadableTime = unreadableTime
        self.answersInSupervisorRoom = answersInSupervisorRoom
        self.refreshesLookups = refreshesLookups
        self.summary = summary
        self.parse = parse
    }

    /// Whether the command takes a `<when>` or `<duration>`, whose formats help explains.
    var takesTime: Bool { unreadableTime != nil }
}

/// The kind of room a command is written in, as far as commands care.
public enum CommandPlace: Sendable, Hashable, CaseIterable {
    /// A group's own room.
    case group
    /// The caller's own direct room with the bot.
    case direct
    /// The supervisors' room.
    case supervisor
    /// Any other room the bot is in.
    case other

    public static let everywhere = Set(allCases)
}

/// The roles as they recur in the definitions.
extension Set where Element == Role {
    static let everyone: Set<Role> = [.supervisor, .student, .guest]
    static let members: Set<Role> = [.supervisor, .student]
    static let students: Set<Role> = [.student]
    static let supervisors: Set<Role> = [.supervisor]
}
