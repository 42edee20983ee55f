import Foundation
import GRDB
import Testing
@testable import PeerBotStore

/// `!session plan` decides its numbers before it stores them: from `nextNumber()`.
@Suite struct SessionNumberTests {
    @Test func theNextNumberIsNeverOneUsedBeforeAndIsStoredAsGiven() throws {
        let (store, a, b) = try databaseWithGroups()
        let database = store.database
        #expect(try database.read { try $0.sessions.nextNumber() } == 1)
        let first = try plan(database, group: a, start: 1000)
        let second = try plan(database, group: b, start: 1000)
        #expect(try database.read { try $0.sessions.nextNumber() } == second.number + 1)

        // A deleted session's number is not given again.
        try database.writer.write { try $0.execute(sql: "DELETE FROM session WHERE number = ?", arguments: [second.number]) }
        let next = try database.read { try $0.sessions.nextNumber() }
        #expect(next == second.number + 1)

        let chosen = try database.write { writer in
            try writer.sessions.plan(next, groupID: a, title: "Falls", startsAt: fixedDate(2000), durationSeconds: 3600,
                                     plannedBy: "@sup:hs", at: fixedDate(2))
        }
        #expect(chosen.number == next)
        #expect(try database.read { try $0.sessions.find(number: next)?.title } == "Falls")
        // A number already used is refused, and the session it belongs to stays as it was.
        #expect(throws: DatabaseError.self) {
            try database.write { writer in
                try writer.sessions.plan(first.number, groupID: b, title: "Again", startsAt: fixedDate(3000), durationSeconds: 3600,
                                         plannedBy: "@sup:hs", at: fixedDate(2))
            }
        }
        #expect(try database.read { try $0.sessions.find(number: first.number)?.title } == "Sepsis")
        #expect(try plan(database, group: b, start: 4000).number == next + 1)
    }
}
