/// Who may hand out and close tasks.
public enum TaskRules {
    /// Members may assign to themselves or the group; the facilitator and supervisors to anyone.
    /// No assignee means the caller takes it on themselves.
    public static func mayAssign(
        assignee: TaskAssignee?, caller: String, callerIsSupervisor: Bool, callerIsFacilitator: Bool
    ) -> Bool {
        if callerIsSupervisor || callerIsFacilitator { return true }
        switch assignee {
        case nil, .me, .group: return true
        case let .user(userID): return userID == caller
        }
    }

    /// The assignee, any member of the group for a group task, the group's facilitator, or a supervisor.
    /// `callerIsFacilitator` counts only when the caller belongs to the task's group.
    public static func mayClose(
        _ task: TaskItem, caller: String, callerIsSupervisor: Bool, callerIsFacilitator: Bool, callerInTaskGroup: Bool
    ) -> Bool {
        if callerIsSupervisor { return true }
        if let assignee = task.assignee, assignee == caller { return true }
        guard callerInTaskGroup else { return false }
        return task.isGroupTask || callerIsFacilitator
    }
}
