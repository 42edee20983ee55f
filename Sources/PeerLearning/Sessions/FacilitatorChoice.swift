/// Who facilitates a session: a student by rotation, the supervisor, or a student a supervisor chose.
public enum FacilitatorChoice: Sendable, Equatable, Codable {
    case student(String)
    case supervisor
    /// A supervisor's `!facilitator @user`; the user id.
    case override(String)

    /// The facilitating student's user id; nil when the supervisor facilitates.
    public var userID: String? {
        switch self {
        case let .student(id), let .override(id): id
        case .supervisor: nil
        }
    }
}

/// One past session of a group and who facilitated it.
public struct Facilitation: Sendable, Equatable, Codable {
    public var session: Int
    public var facilitator: FacilitatorChoice

    public init(session: Int, facilitator: FacilitatorChoice) {
        self.session = session
        self.facilitator = facilitator
    }

    /// A session a student facilitated.
    public init(session: Int, userID: String) {
        self.init(session: session, facilitator: .student(userID))
    }
}

/// A group member as rotation sees them: who, and whether a supervisor marked them ready.
public struct RotationMember: Sendable, Equatable, Codable {
    public var userID: String
    public var ready: Bool

    public init(userID: String, ready: Bool) {
        self.userID = userID
        self.ready = ready
    }
}
