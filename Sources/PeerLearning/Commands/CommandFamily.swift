/// The commands grouped by what they are about; each family defines its commands in its own
/// file (`Commands/<Family>Commands.swift`), and help lists them under the family's title.
public enum CommandFamily: String, CaseIterable, Sendable {
    case general, roster, groups, sessions, participation, tasks, reflection, assessment, reporting, course, privacy

    /// The family's commands, in the order help lists them.
    public var definitions: [CommandDefinition] {
        switch self {
        case .general: Self.generalCommands
        case .roster: Self.rosterCommands
        case .groups: Self.groupsCommands
        case .sessions: Self.sessionsCommands
        case .participation: Self.participationCommands
        case .tasks: Self.tasksCommands
        case .reflection: Self.reflectionCommands
        case .assessment: Self.assessmentCommands
        case .reporting: Self.reportingCommands
        case .course: Self.courseCommands
        case .privacy: Self.privacyCommands
        }
    }

    /// Every command's definition and family, built once.
    static let table: [CommandName: (definition: CommandDefinition, family: CommandFamily)] = {
        var table: [CommandName: (definition: CommandDefinition, family: CommandFamily)] = [:]
        for family in allCases {
            for definition in family.definitions {
                precondition(table[definition.name] == nil, "\(definition.name) is defined twice")
                table[definition.name] = (definition, family)
            }
        }
        return table
    }()
}

extension CommandName {
    /// The command's definition; every name has exactly one (checked by `CommandFamilyTests`).
    public var definition: CommandDefinition {
        guard let entry = CommandFamily.table[self] else { preconditionFailure("\(self) has no definition") }
        return entry.definition
    }

    /// The family that defines the command.
    public var family: CommandFamily {
        guard let entry = CommandFamily.table[self] else { preconditionFailure("\(self) has no definition") }
        return entry.family
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
    var userIsRest: Bool { definition.user == .rest }
}
