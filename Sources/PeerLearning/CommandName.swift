/// Which command, without its arguments: what permissions, usage lines and help speak of. Each
/// family names its commands once, in its own file (`Commands/<Family>Commands.swift`): a
/// `CommandName.<command>` constant for each, which its definition and its typed case refer to.
public struct CommandName: Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// The family that defines the command.
    public let family: CommandFamily
    /// The command's name in code (`sessionPlan`), never shown to a user.
    public let rawValue: String

    init(_ family: CommandFamily, _ rawValue: String) {
        self.family = family
        self.rawValue = rawValue
    }

    /// Every command, family by family in help's order.
    public static var allCases: [CommandName] { CommandFamily.allCases.flatMap(\.names) }

    public var description: String { rawValue }
}
