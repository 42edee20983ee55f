import Foundation
import GRDB
import Testing
@testable import PeerBotStore

@Suite struct ParticipationTests {
    @Test(arguments: StoreFlavor.allCases)
    func messagesAreCountedPerStudentAndSession(flavor: StoreFlavor) throws {
        let (store, a, _) = try databaseWithGroups(flavor: flavor)
        let database = store.database
        let number = try plan(database, group: a, start: 1_000).number
        let other = try plan(database, group: a, start: 9_000).number
        #expect(try database.read { try $0.participation(session: number) }.isEmpty)
        try database.write { writer in
            for _ in 0..<3 {
                try writer.countMessage(session: number, userID: "@anna:hs")
            }
            try writer.countMessage(session: number, userID: "@bo:hs")
            try writer.countMessage(session: other, userID: "@bo:hs")
            // A supervisor (not on the roster) is not counted.
            try writer.countMessage(session: number, userID: "@sup:hs")
        }
        try database.read { reader throws in
            #expect(try reader.participation(session: number) == ["@anna:hs": 3, "@bo:hs": 1])
            #expect(try reader.participation(session: other) == ["@bo:hs": 1])
        }
    }

    @Test func removingAStudentKeepsTheirReflectionsTasksAndCountsAsHistory() throws {
        let (store, a, _) = try databaseWithGroups()
        let database = store.database
        let number = try plan(database, group: a, start: 1_000).number
        let groupTask = try database.write { writer in
            for (index, userID) in ["@anna:hs", "@bo:hs"].enumerated() {
                try writer.addReflection(
                    sessionNumber: number, userID: userID, scope: .group, text: "What", eventID: "$r\(index)",
                    roomID: "!groupA:hs", at: fixedDate(5_000), late: false)
                try writer.addTask(
                    groupID: a, assignee: userID, text: "Read", due: nil, sessionNumber: number,
                    createdBy: userID, at: fixedDate(4_000))
                try writer.countMessage(session: number, userID: userID)
            }
            // A group task created by the student stays with the group.
            return try writer.addTask(
                groupID: a, assignee: nil, text: "Prepare", due: nil, sessionNumber: number,
                createdBy: "@bo:hs", at: fixedDate(4_100))
        }
        #expect(try database.write { try $0.removeStudent(userID: "@bo:hs") })
        try database.read { reader throws in
            // Off the roster and out of the group, but what they did stays on record.
            #expect(try !reader.isStudent("@bo:hs"))
            #expect(try reader.members(ofGroup: a).map(\.userID) == ["@anna:hs"])
            #expect(try reader.studentRecord(userID: "@bo:hs")?.removedAt != nil)
            #expect(try reader.reflections(session: number).map(\.userID) == ["@anna:hs", "@bo:hs"])
            #expect(try reader.reflection(eventID: "$r1") != nil)
            #expect(try reader.tasks(ofGroup: a).map(\.assignee) == ["@anna:hs", "@bo:hs", nil])
            #expect(try reader.task(id: groupTask.id) == groupTask)
            #expect(try reader.participation(session: number) == ["@anna:hs": 1, "@bo:hs": 1])
        }
    }

    @Test func deletingAGroupRemovesItsRoundsReflectionsTasksAndCounts() throws {
        let (store, a, _) = try databaseWithGroups()
        let database = store.database
        let number = try plan(database, group: a, start: 1_000).number
        try database.write { writer in
            try writer.openReflectionRound(session: number, promptOutboxID: nil, at: fixedDate(4_600), deadline: fixedDate(91_000))
            try writer.addReflection(
                sessionNumber: number, userID: "@anna:hs", scope: .private, text: "What", eventID: "$r",
                roomID: "!dm:hs", at: fixedDate(5_000), late: false)
            try writer.addTask(
                groupID: a, assignee: nil, text: "Read", due: nil, sessionNumber: number,
                createdBy: "@anna:hs", at: fixedDate(4_000))
            try writer.countMessage(session: number, userID: "@anna:hs")
        }
        try database.writer.write { try $0.execute(sql: "DELETE FROM studyGroup WHERE id = ?", arguments: [a]) }
        let counts = try database.writer.read { db in
            try ["reflection", "reflectionRound", "task", "participation"].map {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)")
            }
        }
        #expect(counts == [0, 0, 0, 0])
    }
}
