/// The commands grouped by what they are about; each family declares its commands in its own
/// file (`Commands/<Family>Commands.swift`), and help lists them under the family's title.
public enum CommandFamily: String, CaseIterable, Sendable {
    case general, roster, groups, sessions, participation, tasks, reflection, assessment, reporting, course, privacy

    /// The family's typed commands.
    var commands: any FamilyCommand.Type {
        switch self {
        case .general: GeneralCommand.self
        case .roster: RosterCommand.self
        case .groups: GroupsCommand.self
        case .sessions: SessionsCommand.self
        case .participation: ParticipationCommand.self
        case .tasks: TasksCommand.self
        case .reflection: ReflectionCommand.self
        case .assessment: AssessmentCommand.self
        case .reporting: ReportingCommand.self
        case .course: CourseCommand.self
        case .privacy: PrivacyCommand.self
        }
    }

    /// The family's commands, in the order help lists them.
    public var definitions: [CommandDefinition] { commands.definitions }

    /// Every name the family gives a command.
    public var names: [CommandName] { commands.names }

    /// Every command's definition, built once.
    static let table: [CommandName: CommandDefinition] = {
        var table: [CommandName: CommandDefinition] = [:]
        for family in allCases {
            for definition in family.definitions {
                precondition(table[definition.name] == nil, "\(definition.name) is defined twice")
                table[definition.name] = definition
            }
        }
        return table
    }()
}

extension CommandName {
    /// The command's definition; every name has exactly one (checked by `CommandFamilyTests`).
    public var definition: CommandDefinition {
        guard let definition = CommandFamily.table[self] else { preconditionFailure("\(self) has no definition") }
        return definition
    }

    /// Who may use the command at all.
    public var allowedRoles: Set<Role> { definition.roles }

    /// Whether someone with `role` may use the command.
    public func isAllowed(for role: Role) -> Bool {
        allowedRoles.contains(role)
    }

    /// Whether someone with `role` may use the command in a room like `place`.
    public func isAllowed(for role: Role, in place: CommandPlace) -> Bool {
        isAllowed(for: role) && definition.places.contains(place)
    }

    public var englishWords: [String] { definition.english }
    public var danishWords: [String] { definition.danish }
    var takesTime: Bool { definition.takesTime }
    var takesUser: Bool { definition.user != .none }
    var userIsRest: Bool { definition.user == .rest || definition.user == .restAfterSession }
}
