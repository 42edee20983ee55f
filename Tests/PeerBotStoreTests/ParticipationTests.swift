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
        #expect(try database.read { try $0.participation.messageCounts(session: number) }.isEmpty)
        try database.write { writer in
            for _ in 0..<3 {
                try writer.participation.countMessage(session: number, userID: "@anna:hs")
            }
            try writer.participation.countMessage(session: number, userID: "@bo:hs")
            try writer.participation.countMessage(session: other, userID: "@bo:hs")
            // A supervisor (not on the roster) is not counted.
            try writer.participation.countMessage(session: number, userID: "@sup:hs")
        }
        try database.read { reader throws in
            #expect(try reader.participation.messageCounts(session: number) == ["@anna:hs": 3, "@bo:hs": 1])
            #expect(try reader.participation.messageCounts(session: other) == ["@bo:hs": 1])
        }
    }

    @Test func removingAStudentKeepsTheirReflectionsTasksAndCountsAsHistory() throws {
        let (store, a, _) = try databaseWithGroups()
        let database = store.database
        let number = try plan(database, group: a, start: 1_000).number
        let groupTask = try database.write { writer in
            for (index, userID) in ["@anna:hs", "@bo:hs"].enumerated() {
                try writer.reflections.add(
                    sessionNumber: number, userID: userID, scope: .group, text: "What", eventID: "$r\(index)",
                    roomID: "!groupA:hs", at: fixedDate(5_000), late: false)
                try writer.tasks.add(
                    groupID: a, assignee: userID, text: "Read", due: nil, sessionNumber: number,
                    createdBy: userID, at: fixedDate(4_000))
                try writer.participation.countMessage(session: number, userID: userID)
            }
            // A group task created by the student stays with the group.
            return try writer.tasks.add(
                groupID: a, assignee: nil, text: "Prepare", due: nil, sessionNumber: number,
                createdBy: "@bo:hs", at: fixedDate(4_100))
        }
        #expect(try database.write { try $0.roster.remove(userID: "@bo:hs") })
        try database.read { reader throws in
            // Off the roster and out of the group, but what they did stays on record.
            #expect(try !reader.roster.isStudent("@bo:hs"))
            #expect(try reader.groups.members(ofGroup: a).map(\.userID) == ["@anna:hs"])
            #expect(try reader.roster.record(userID: "@bo:hs")?.removedAt != nil)
            #expect(try reader.reflections.all(session: number).map(\.userID) == ["@anna:hs", "@bo:hs"])
            #expect(try reader.reflections.find(eventID: "$r1") != nil)
            #expect(try reader.tasks.all(ofGroup: a).map(\.assignee) == ["@anna:hs", "@bo:hs", nil])
            #expect(try reader.tasks.find(id: groupTask.id) == groupTask)
            #expect(try reader.participation.messageCounts(session: number) == ["@anna:hs": 1, "@bo:hs": 1])
        }
    }

    @Test func deletingAGroupRemovesItsRoundsReflectionsTasksAndCounts() throws {
        let (store, a, _) = try databaseWithGroups()
        let database = store.database
        let number = try plan(database, group: a, start: 1_000).number
        try database.write { writer in
            try writer.reflections.openRound(session: number, promptOutboxID: nil, at: fixedDate(4_600), deadline: fixedDate(91_000))
            try writer.reflections.add(
                sessionNumber: number, userID: "@anna:hs", scope: .private, text: "What", eventID: "$r",
                roomID: "!dm:hs", at: fixedDate(5_000), late: false)
            try writer.tasks.add(
                groupID: a, assignee: nil, text: "Read", due: nil, sessionNumber: number,
                createdBy: "@anna:hs", at: fixedDate(4_000))
            try writer.participation.countMessage(session: number, userID: "@anna:hs")
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
