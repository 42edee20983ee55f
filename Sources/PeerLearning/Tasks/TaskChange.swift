/// What the bot knows about the caller and their group when a task is added or closed.
public struct TaskCaller: Sendable, Equatable {
    public var userID: String
    public var isSupervisor: Bool
    /// Whether the caller facilitates the group's current or next session.
    public var isFacilitator: Bool

    public init(userID: String, isSupervisor: Bool, isFacilitator: Bool) {
        self.userID = userID
        self.isSupervisor = isSupervisor
        self.isFacilitator = isFacilitator
    }
}

/// A task about to be stored; the store gives it its number.
public struct NewTask: Sendable, Equatable {
    public var group: String
    /// The user id of the student who takes it on; nil for the whole group.
    public var assignee: String?
    public var text: String
    public var due: String?
    /// The session that has begun most recently, which the task came out of.
    public var sessionNumber: Int?
    public var createdBy: String
    /// The assignee's display name, when the roster has one.
    public var assigneeName: String?

    /// The answer once the store has numbered the task `id`.
    public func reply(id: Int, say: Texts) -> BotMessage {
        say.tasks.taskAdded(TaskItem(id: id, group: group, assignee: assignee, text: text, due: due, createdBy: createdBy),
                            assigneeName: assigneeName)
    }
}

/// The decision for `!task add`: a refusal, or one task to store.
public enum TaskAddition: Sendable, Equatable {
    case refused(BotMessage)
    case add(NewTask)

    /// What the caller's group looks like when the task comes.
    public struct Group: Sendable, Equatable {
        public var name: String
        public var members: [String]
        /// The session that has begun most recently and is not cancelled.
        public var currentSession: Int?
        /// Display names by user id.
        public var names: [String: String]

        public init(name: String, members: [String], currentSession: Int? = nil, names: [String: String] = [:]) {
            self.name = name
            self.members = members
            self.currentSession = currentSession
            self.names = names
        }
    }

    /// No assignee means the caller, or the whole group when a supervisor adds it; the one who
    /// takes a task on must be in the group.
    public static func decide(
        _ assignee: TaskAssignee?, text: String, due: String?, by caller: TaskCaller, in group: Group, say: Texts
    ) -> TaskAddition {
        guard TaskRules.mayAssign(assignee: assignee, caller: caller.userID, callerIsSupervisor: caller.isSupervisor,
                                  callerIsFacilitator: caller.isFacilitator) else {
            return .refused(say.forbidden(.taskAdd))
        }
        let holder: String?
        switch assignee {
        case .user(let userID): holder = userID
        case .group: holder = nil
        case .me, nil: holder = caller.isSupervisor ? nil : caller.userID
        }
        if let holder, !group.members.contains(holder) {
            return .refused(say.groups.notInAnyGroup(holder))
        }
        return .add(NewTask(group: group.name, assignee: holder, text: text, due: due, sessionNumber: group.currentSession,
                            createdBy: caller.userID, assigneeName: holder.flatMap { group.names[$0] }))
    }
}

/// The decision for `!task done`: a refusal, or the task to close and the answer.
public enum TaskClosing: Sendable, Equatable {
    case refused(BotMessage)
    case close(id: Int, reply: BotMessage)

    /// `task` is nil when no task has the number `id`; `callerInTaskGroup` compares groups by
    /// id, since an archived group and its successor may share a name.
    public static func decide(
        id: Int, task: TaskItem?, by caller: TaskCaller, callerInTaskGroup: Bool, say: Texts
    ) -> TaskClosing {
        guard var task else { return .refused(say.tasks.taskNotFound(id: id)) }
        guard TaskRules.mayClose(task, caller: caller.userID, callerIsSupervisor: caller.isSupervisor,
                                 callerIsFacilitator: caller.isFacilitator, callerInTaskGroup: callerInTaskGroup) else {
            return .refused(say.tasks.taskNotYours(id: id))
        }
        task.done = true
        return .close(id: task.id, reply: say.tasks.taskDone(task))
    }
}
