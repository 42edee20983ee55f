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

/// What the rotation rule needs to know about one session, as read from the store.
public struct RotationFacts: Sendable, Equatable {
    public var members: [RotationMember]
    public var absent: Set<String>
    /// The group's earlier facilitations, this session left out.
    public var history: [Facilitation]
    public var frozen: FacilitatorChoice?
    public var override: FacilitatorOverride?

    public init(members: [RotationMember], absent: Set<String> = [], history: [Facilitation] = [],
                frozen: FacilitatorChoice? = nil, override: FacilitatorOverride? = nil)
    {
        self.members = members
        self.absent = absent
        self.history = history
        self.frozen = frozen
        self.override = override
    }

    /// Who facilitates (frozen > override > rotation).
    public var choice: FacilitatorChoice {
        FacilitatorRotation.choose(members: members, absent: absent, history: history, frozen: frozen, override: override)
    }
}
