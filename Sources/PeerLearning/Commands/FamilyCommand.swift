/// One family's typed commands (`SessionsCommand`, `TasksCommand`, …): everything about them
/// is declared in the family's file, `Commands/<Family>Commands.swift`, and handled by the
/// family's exhaustive switch in `CommandHandlers+<Family>.swift`.
protocol FamilyCommand: Equatable, Sendable {
    /// The family's definitions, in the order help lists them: exactly one per name.
    static var definitions: [CommandDefinition] { get }
    /// Which command this is: one of the family's `CommandName` constants, each with a definition.
    var name: CommandName { get }
    /// The same command among all the others.
    var command: Command { get }
    /// The free texts the command carries, each checked against its kind's limit.
    var texts: [(TextKind, String)] { get }
    /// The text a student writes into the command, which the patient guard reads first.
    var studentText: String? { get }
    /// The same command with its student text replaced (by the guarded one).
    func replacingStudentText(with text: String) -> Self
}

extension FamilyCommand {
    /// Every command name of the family.
    static var names: [CommandName] { definitions.map(\.name) }

    /// A command's definition, read into this family's commands.
    static func define(
        _ name: CommandName, en: [String], da: [String], roles: Set<Role>, places: Set<CommandPlace> = CommandPlace.everywhere,
        arguments: (en: String, da: String) = ("", ""), user: CommandDefinition.UserArgument = .none,
        unreadableTime: (@Sendable (ArgumentCursor) -> String?)? = nil, answersInSupervisorRoom: Bool = false,
        refreshesLookups: Bool = true, summary: (en: String, da: String),
        parse: @escaping @Sendable (inout ArgumentCursor) -> Self?
    ) -> CommandDefinition {
        CommandDefinition(name, en: en, da: da, roles: roles, places: places, arguments: arguments, user: user,
                          unreadableTime: unreadableTime, answersInSupervisorRoom: answersInSupervisorRoom,
                          refreshesLookups: refreshesLookups, summary: summary) { parse(&$0)?.command }
    }

    /// The definition of a command without arguments.
    static func define(
        _ name: CommandName, en: [String], da: [String], roles: Set<Role>, places: Set<CommandPlace> = CommandPlace.everywhere,
        answersInSupervisorRoom: Bool = false, summary: (en: String, da: String), always command: Self
    ) -> CommandDefinition {
        define(name, en: en, da: da, roles: roles, places: places, answersInSupervisorRoom: answersInSupervisorRoom,
               summary: summary) { $0.isAtEnd ? command : nil }
    }
}
