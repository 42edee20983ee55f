/// What the store refuses to do with sessions and their goals, with a stable code for
/// logs and replies.
public enum SessionStoreError: Error, Equatable, Sendable {
    /// No session has this number.
    case sessionNotFound(number: Int64)
    /// The session was cancelled; it can no longer change or be confirmed.
    case sessionCancelled(number: Int64)

    /// A stable identifier for the kind of failure.
    public var code: String {
        switch self {
        case .sessionNotFound: "store.session_not_found"
        case .sessionCancelled: "store.session_cancelled"
        }
    }
}
