import Testing
import PeerLearning

private let say = Texts(.en)
private let member = TaskCaller(userID: "@me:hs", isSupervisor: false, isFacilitator: false)
private let supervisor = TaskCaller(userID: "@sup:hs", isSupervisor: true, isFacilitator: false)
private let groupA = TaskAddition.Group(name: "A", members: ["@me:hs", "@bo:hs"], currentSession: 3,
                                        names: ["@me:hs": "Mette", "@bo:hs": "Bo"])

@Test func aStudentWithoutAnAssigneeTakesTheTaskOnThemselves() {
    let decision = TaskAddition.decide(nil, text: "Read the guideline", due: "friday", by: member, in: groupA, say: say)
    guard case .add(let task) = decision else { Issue.record("refused: \(decision)"); return }
    #expect(task.assignee == "@me:hs")
    #expect(task.sessionNumber == 3)
    #expect(task.due == "friday")
    #expect(task.reply(id: 7, say: say).body.contains("Task #7 added for Mette: Read the guideline"))
}

@Test func aSupervisorWithoutAnAssigneeGivesTheTaskToTheGroup() {
    let decision = TaskAddition.decide(nil, text: "Present the case", due: nil, by: supervisor, in: groupA, say: say)
    guard case .add(let task) = decision else { Issue.record("refused: \(decision)"); return }
    #expect(task.assignee == nil)
    #expect(task.createdBy == "@sup:hs")
}

@Test func aStudentCannotHandATaskToAnother() {
    let decision = TaskAddition.decide(.user("@bo:hs"), text: "Draw the chart", due: nil, by: member, in: groupA, say: say)
    #expect(decision == .refused(say.forbidden(.taskAdd)))
}

@Test func aTaskForSomeoneOutsideTheGroupIsRefused() {
    let decision = TaskAddition.decide(.user("@cy:hs"), text: "Ask the nurse", due: nil, by: supervisor, in: groupA, say: say)
    #expect(decision == .refused(say.groups.notInAnyGroup("@cy:hs")))
}

private let bosTask = TaskItem(id: 2, group: "A", assignee: "@bo:hs", text: "Draw the ABCDE chart", createdBy: "@bo:hs")

@Test func anUnknownTaskNumberIsAnswered() {
    #expect(TaskClosing.decide(id: 9, task: nil, by: member, callerInTaskGroup: false, say: say)
        == .refused(say.tasks.taskNotFound(id: 9)))
}

@Test func anotherStudentsTaskStaysOpen() {
    #expect(TaskClosing.decide(id: 2, task: bosTask, by: member, callerInTaskGroup: true, say: say)
        == .refused(say.tasks.taskNotYours(id: 2)))
}

@Test func theFacilitatorClosesATaskAndTheAnswerTicksIt() {
    let facilitator = TaskCaller(userID: "@me:hs", isSupervisor: false, isFacilitator: true)
    let decision = TaskClosing.decide(id: 2, task: bosTask, by: facilitator, callerInTaskGroup: true, say: say)
    guard case .close(let id, let reply) = decision else { Issue.record("refused: \(decision)"); return }
    #expect(id == 2)
    #expect(reply.body.contains("✓ Task #2 is marked as done: Draw the ABCDE chart"))
}
