import Testing
import PeerLearning

/// Caller "@me:hs", a member of group A; "@bo:hs" is in A, "@cy:hs" in B.
private struct Caller: Sendable, CustomStringConvertible {
    let supervisor: Bool
    let facilitator: Bool
    var description: String { "supervisor=\(supervisor) facilitator=\(facilitator)" }
}

private let member = Caller(supervisor: false, facilitator: false)
private let facilitator = Caller(supervisor: false, facilitator: true)
private let supervisor = Caller(supervisor: true, facilitator: false)
private let both = Caller(supervisor: true, facilitator: true)

private let assignTable: [(Caller, TaskAssignee?, Bool)] = [
    (member, nil, true), (member, .me, true), (member, .group, true),
    (member, .user("@me:hs"), true), (member, .user("@bo:hs"), false),
    (facilitator, nil, true), (facilitator, .me, true), (facilitator, .group, true),
    (facilitator, .user("@me:hs"), true), (facilitator, .user("@bo:hs"), true),
    (supervisor, nil, true), (supervisor, .me, true), (supervisor, .group, true),
    (supervisor, .user("@me:hs"), true), (supervisor, .user("@bo:hs"), true),
    (both, .user("@bo:hs"), true), (both, .group, true),
]

@Test(arguments: assignTable)
private func whoMayAssignATask(caller: Caller, assignee: TaskAssignee?, allowed: Bool) {
    #expect(TaskRules.mayAssign(assignee: assignee, caller: "@me:hs", callerIsSupervisor: caller.supervisor,
                                callerIsFacilitator: caller.facilitator) == allowed)
}

private let mine = TaskItem(id: 1, group: "A", assignee: "@me:hs", text: "Read the guideline", createdBy: "@me:hs")
private let bosTask = TaskItem(id: 2, group: "A", assignee: "@bo:hs", text: "Draw the ABCDE chart", createdBy: "@bo:hs")
private let groupTask = TaskItem(id: 3, group: "A", assignee: nil, text: "Present the case", createdBy: "@bo:hs")
private let otherGroupTask = TaskItem(id: 4, group: "B", assignee: nil, text: "Ask the ward nurse", createdBy: "@cy:hs")
private let cysTask = TaskItem(id: 5, group: "B", assignee: "@cy:hs", text: "Find the lab values", createdBy: "@cy:hs")

private let closeTable: [(Caller, TaskItem, Bool)] = [
    (member, mine, true), (member, bosTask, false), (member, groupTask, true),
    (member, otherGroupTask, false), (member, cysTask, false),
    (facilitator, mine, true), (facilitator, bosTask, true), (facilitator, groupTask, true),
    (facilitator, otherGroupTask, false), (facilitator, cysTask, false),
    (supervisor, mine, true), (supervisor, bosTask, true), (supervisor, groupTask, true),
    (supervisor, otherGroupTask, true), (supervisor, cysTask, true),
    (both, cysTask, true),
]

@Test(arguments: closeTable)
private func whoMayCloseATask(caller: Caller, task: TaskItem, allowed: Bool) {
    #expect(TaskRules.mayClose(task, caller: "@me:hs", callerIsSupervisor: caller.supervisor,
                               callerIsFacilitator: caller.facilitator, callerInTaskGroup: task.group == "A") == allowed)
}

@Test func aStudentWhoMovedGroupsMayStillCloseTheirOwnTask() {
    let earlier = TaskItem(id: 6, group: "B", assignee: "@me:hs", text: "Bring the case notes", createdBy: "@cy:hs")
    #expect(TaskRules.mayClose(earlier, caller: "@me:hs", callerIsSupervisor: false, callerIsFacilitator: false,
                               callerInTaskGroup: false))
    #expect(!TaskRules.mayClose(groupTask, caller: "@me:hs", callerIsSupervisor: false, callerIsFacilitator: true,
                                callerInTaskGroup: false))
}
