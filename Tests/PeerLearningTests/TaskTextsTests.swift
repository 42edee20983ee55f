import Testing
import PeerLearning

private let names = ["@anna:hs": "Anna & Co", "@bo:hs": "Bo Berg"]

@Test func theTaskListPutsOpenTasksFirstAndTicksDoneOnes() throws {
    let mine = [
        TaskItem(id: 9, group: "A", assignee: "@anna:hs", text: "Old task", createdBy: "@anna:hs", done: true),
        TaskItem(id: 12, group: "A", assignee: "@anna:hs", text: "Read <sepsis> guideline", due: "fredag",
                 createdBy: "@anna:hs"),
    ]
    let group = [
        TaskItem(id: 10, group: "A", assignee: nil, text: "Present the case", createdBy: "@bo:hs"),
        TaskItem(id: 11, group: "A", assignee: "@bo:hs", text: "Chart", createdBy: "@bo:hs", done: true),
    ]
    let message = Texts(.en).tasks.tasksList(mine: mine, group: group, names: names)
    #expect(message.kind == .tasks && message.group == "A")
    let body = message.body
    let open = try #require(body.range(of: "☐ #12 Read <sepsis> guideline (due: fredag)"))
    let done = try #require(body.range(of: "✓ #9 Old task"))
    #expect(open.lowerBound < done.lowerBound)
    let groupSection = try #require(body.range(of: "The group's tasks:"))
    #expect(groupSection.lowerBound > done.lowerBound)
    #expect(body.contains("☐ #10 Present the case – the whole group"))
    #expect(body.contains("✓ #11 Chart – Bo Berg"))
    #expect(body.contains("!task done <#id>"))
    let html = message.html ?? ""
    #expect(html.contains("Read &lt;sepsis&gt; guideline") && !html.contains("<sepsis>"))
}

@Test func emptyTaskListsSaySoAndHowToAddOne() {
    let empty = Texts(.da).tasks.tasksList(mine: [], group: [], names: [:])
    #expect(empty.kind == .tasks && empty.group == nil)
    #expect(empty.body.contains("Dine opgaver: ingen") && empty.body.contains("Gruppens opgaver: ingen"))
    #expect(empty.body.contains("!opgave tilføj"))
    let allDone = [TaskItem(id: 1, group: "B", assignee: nil, text: "x", createdBy: "@bo:hs", done: true)]
    let finished = Texts(.en).tasks.tasksList(mine: [], group: allDone, names: [:])
    #expect(finished.body.contains("No open tasks") && finished.group == "B")
}

@Test func addingAndClosingATaskIsConfirmedWithItsNumber() {
    let task = TaskItem(id: 7, group: "A", assignee: "@bo:hs", text: "Look up qSOFA", due: "2026-12-05",
                        createdBy: "@anna:hs")
    let added = Texts(.en).tasks.taskAdded(task, assigneeName: "Bo Berg")
    #expect(added.kind == .tasks && added.group == "A")
    #expect(added.body.contains("#7") && added.body.contains("Bo Berg") && added.body.contains("due: 2026-12-05"))
    #expect(added.body.contains("!task done 7"))
    var shared = task
    shared.assignee = nil
    #expect(Texts(.da).tasks.taskAdded(shared, assigneeName: nil).body.contains("til hele gruppen"))
    let done = Texts(.da).tasks.taskDone(task)
    #expect(done.kind == .tasks && done.body.contains("#7") && done.body.contains("færdig"))
}

@Test func taskErrorsCarryTheirCodes() {
    let missing = Texts(.en).tasks.taskNotFound(id: 99)
    #expect(missing.kind == .error && missing.error == .notFound && missing.body.contains("#99"))
    let notYours = Texts(.da).tasks.taskNotYours(id: 4)
    #expect(notYours.error == .forbidden && notYours.body.contains("#4") && notYours.body.contains("Intet er ændret"))
}
