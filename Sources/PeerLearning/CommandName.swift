/// Which command, without its arguments: what permissions, usage lines and help speak of. Each
/// family names its commands in its own file (`Commands/<Family>Commands.swift`: its `Name`
/// cases and a `CommandName.<command>` for each).
public struct CommandName: Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// The family that defines the command.
    public let family: CommandFamily
    /// The command's name in code (`sessionPlan`), never shown to a user.
    public let rawValue: String

    init<Name: FamilyCommandName>(_ name: Name) {
        family = Name.family
        rawValue = name.rawValue
    }

    /// Every command, family by family in help's order.
    public static var allCases: [CommandName] { CommandFamily.allCases.flatMap(\.names) }

    public var description: String { rawValue }
}
