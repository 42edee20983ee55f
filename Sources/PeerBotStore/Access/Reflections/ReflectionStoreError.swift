/// What the store refuses to do with reflection rounds, with a stable code for logs and replies.
public enum ReflectionStoreError: Error, Equatable, Sendable {
    /// No reflection prompt was recorded for this session.
    case roundNotFound(sessionNumber: Int64)

    /// A stable identifier for the kind of failure.
    public var code: String {
        switch self {
        case .roundNotFound: "store.reflection_round_not_found"
        }
    }
}
