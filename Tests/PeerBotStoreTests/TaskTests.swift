import Foundation
import GRDB
import Testing
@testable import PeerBotStore

@Suite struct TaskTests {
    @Test(arguments: StoreFlavor.allCases)
    func tasksAreListedByGroupSessionAndAssignee(flavor: StoreFlavor) throws {
        let (store, a, b) = try databaseWithGroups(flavor: flavor)
        let database = store.database
        let number = try plan(database, group: a, start: 1_000).number
        let tasks = try database.write { writer in
            [
                try writer.tasks.add(
                    groupID: a, assignee: "@anna:hs", text: "Read the guideline", due: "friday", sessionNumber: number,
                    createdBy: "@bo:hs", at: fixedDate(4_000)),
                try writer.tasks.add(
                    groupID: a, assignee: nil, text: "Prepare the case", due: nil, sessionNumber: number,
                    createdBy: "@sup:hs", at: fixedDate(4_100)),
                try writer.tasks.add(
                    groupID: a, assignee: "@anna:hs", text: "Book a room", due: nil, sessionNumber: nil,
                    createdBy: "@anna:hs", at: fixedDate(4_200)),
                try writer.tasks.add(
                    groupID: b, assignee: "@cleo:hs", text: "Summarise", due: nil, sessionNumber: nil,
                    createdBy: "@cleo:hs", at: fixedDate(4_300)),
            ]
        }
        #expect(tasks[0] == TaskRecord(
            id: tasks[0].id, groupID: a, assignee: "@anna:hs", text: "Read the guideline", due: "friday",
            sessionNumber: number, createdBy: "@bo:hs", createdAt: fixedDate(4_000)))
        #expect(tasks[1].isForGroup)
        #expect(Set(tasks.map(\.id)).count == tasks.count)
        try database.read { reader throws in
            #expect(try reader.tasks.find(id: tasks[0].id) == tasks[0])
            #expect(try reader.tasks.all(ofGroup: a) == Array(tasks[0...2]))
            #expect(try reader.tasks.all(ofGroup: b) == [tasks[3]])
            #expect(try reader.tasks.all(session: number) == Array(tasks[0...1]))
            #expect(try reader.tasks.open(assignee: "@anna:hs") == [tasks[0], tasks[2]])
            #expect(try reader.tasks.open(assignee: "@bo:hs").isEmpty)
        }
    }

    @Test func closingATaskTwiceKeepsTheFirstClosure() throws {
        let (store, a, _) = try databaseWithGroups()
        let database = store.database
        let task = try database.write { writer in
            try writer.tasks.add(
                groupID: a, assignee: "@anna:hs", text: "Read", due: nil, sessionNumber: nil,
                createdBy: "@anna:hs", at: fixedDate(10))
        }
        try database.write { writer in
            try writer.tasks.close(id: task.id, by: "@anna:hs", at: fixedDate(20))
            try writer.tasks.close(id: task.id, by: "@bo:hs", at: fixedDate(30))
        }
        let closed = try #require(try database.read { try $0.tasks.find(id: task.id) })
        #expect(closed.doneAt == fixedDate(20))
        #expect(closed.doneBy == "@anna:hs")
        #expect(closed.isDone)
        #expect(try database.read { try $0.tasks.open(assignee: "@anna:hs") }.isEmpty)
        #expect(try database.read { try $0.tasks.all(ofGroup: a) } == [closed])
        #expect(throws: TaskStoreError.taskNotFound(id: 999)) {
            try database.write { try $0.tasks.close(id: 999, by: "@anna:hs", at: fixedDate(40)) }
        }
    }

    @Test func aTaskNeedsAnActiveGroupAMemberAndASessionOfThatGroup() throws {
        let (store, a, b) = try databaseWithGroups()
        let database = store.database
        let otherSession = try plan(database, group: b, start: 1_000).number
        func add(group: Int64 = a, assignee: String? = nil, text: String = "Read", session: Int64? = nil) throws {
            _ = try database.write { writer in
                try writer.tasks.add(
                    groupID: group, assignee: assignee, text: text, due: nil, sessionNumber: session,
                    createdBy: "@sup:hs", at: fixedDate(10))
            }
        }
        #expect(throws: RosterStoreError.groupNotFound(id: 999)) { try add(group: 999) }
        #expect(throws: RosterStoreError.notAMember(groupID: a, userID: "@cleo:hs")) { try add(assignee: "@cleo:hs") }
        #expect(throws: SessionStoreError.sessionNotFound(number: 999)) { try add(session: 999) }
        #expect(throws: TaskStoreError.sessionOfAnotherGroup(sessionNumber: otherSession, groupID: a)) {
            try add(session: otherSession)
        }
        #expect(throws: DatabaseError.self) { try add(text: "") }
        #expect(try database.read { try $0.tasks.all(ofGroup: a) }.isEmpty)

        _ = try database.write { try $0.groups.create([(name: "C", members: ["@anna:hs"])], at: fixedDate(20)) }
        #expect(throws: RosterStoreError.groupArchived(id: a)) { try add() }
    }
}
