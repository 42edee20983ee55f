/// What the store refuses to do with tasks, with a stable code for logs and replies.
public enum TaskStoreError: Error, Equatable, Sendable {
    /// No task has this id.
    case taskNotFound(id: Int64)
    /// A task may only name a session of its own group.
    case sessionOfAnotherGroup(sessionNumber: Int64, groupID: Int64)

    /// A stable identifier for the kind of failure.
    public var code: String {
        switch self {
        case .taskNotFound: "store.task_not_found"
        case .sessionOfAnotherGroup: "store.session_of_another_group"
        }
    }
}
