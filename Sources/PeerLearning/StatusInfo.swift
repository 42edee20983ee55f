/// What `!status` reports to one person, gathered by the caller in display form.
public struct StatusInfo: Sendable, Equatable {
    public var role: Role
    /// The next session as it should be shown (`#12 Sepsis case, wed 14:00`); nil when none.
    public var nextSession: String?
    /// Who facilitates the next session, as shown; nil when not decided.
    public var facilitator: String?
    /// The caller's open tasks, as shown.
    public var openTasks: [String]
    public var pendingReflection: Bool
    public var pendingAssessment: Bool
    /// The next session's number when the caller facilitates it, so they are spoken to.
    public var callerFacilitates: Int?

    public init(
        role: Role, nextSession: String? = nil, facilitator: String? = nil, openTasks: [String] = [],
        pendingReflection: Bool = false, pendingAssessment: Bool = false
    ) {
        self.role = role
        self.nextSession = nextSession
        self.facilitator = facilitator
        self.openTasks = openTasks
        self.pendingReflection = pendingReflection
        self.pendingAssessment = pendingAssessment
    }
}
