/// What `!status` knows about one person, as read from the store; `report` decides what is said.
public struct StatusFacts: Sendable, Equatable {
    /// The next session of the group in context and who facilitates it.
    public struct Next: Sendable, Equatable {
        public var plan: SessionPlan
        /// The facilitating student's user id and display name; nil when a supervisor facilitates.
        public var facilitatorUserID: String?
        public var facilitatorName: String?

        public init(plan: SessionPlan, facilitatorUserID: String?, facilitatorName: String?) {
            self.plan = plan
            self.facilitatorUserID = facilitatorUserID
            self.facilitatorName = facilitatorName
        }
    }

    /// One of the caller's open tasks.
    public struct OpenTask: Sendable, Equatable {
        public var id: Int64
        public var text: String

        public init(id: Int64, text: String) {
            self.id = id
            self.text = text
        }
    }

    public var caller: String
    public var role: Role
    public var next: Next?
    public var openTasks: [OpenTask]
    public var pendingReflection: Bool
    public var pendingAssessment: Bool

    public init(caller: String, role: Role, next: Next? = nil, openTasks: [OpenTask] = [],
                pendingReflection: Bool = false, pendingAssessment: Bool = false)
    {
        self.caller = caller
        self.role = role
        self.next = next
        self.openTasks = openTasks
        self.pendingReflection = pendingReflection
        self.pendingAssessment = pendingAssessment
    }

    /// The facts in display form: the session with its time in `timeZone`, a supervisor
    /// facilitating named as such, tasks with their `#id`.
    public func info(timeZone: ZoneRules, say: Texts) -> StatusInfo {
        var info = StatusInfo(role: role, pendingReflection: pendingReflection, pendingAssessment: pendingAssessment)
        if let next {
            let plan = next.plan
            info.nextSession = "#\(plan.number) \(plan.title), "
                + SessionTimeFormat.dateTime(plan.start, timeZone: timeZone, language: say.language)
            info.facilitator = next.facilitatorName ?? say.sessions.supervisorWord()
            if next.facilitatorUserID == caller { info.callerFacilitates = plan.number }
        }
        info.openTasks = openTasks.map { "#\($0.id) \($0.text)" }
        return info
    }

    /// The `!status` answer.
    public func report(timeZone: ZoneRules, say: Texts) -> BotMessage {
        say.status(info(timeZone: timeZone, say: say))
    }
}
