/// A responsibility agreed in a group: for one student or for the whole group.
public struct TaskItem: Sendable, Equatable, Codable {
    /// The number the bot prints (`#7`), unique across groups.
    public var id: Int
    public var group: String
    /// The user id of the student who holds it; nil when the whole group does.
    public var assignee: String?
    public var text: String
    /// The due date as the student wrote it (`fredag`, `2026-12-05`); nil when none was given.
    public var due: String?
    /// The user id of whoever added it.
    public var createdBy: String
    public var done: Bool

    public init(
        id: Int, group: String, assignee: String?, text: String, due: String? = nil,
        createdBy: String, done: Bool = false
    ) {
        self.id = id
        self.group = group
        self.assignee = assignee
        self.text = text
        self.due = due
        self.createdBy = createdBy
        self.done = done
    }

    /// Whether the task belongs to the whole group rather than one student.
    public var isGroupTask: Bool { assignee == nil }
}
