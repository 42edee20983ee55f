import Foundation
import GRDB
import Testing
@testable import PeerBotStore

@Suite struct FacilitationTests {
    @Test func studentsAreNotReadyUntilMarkedSo() throws {
        let (store, _, _) = try databaseWithGroups()
        let database = store.database
        #expect(try database.read { try $0.isReady("@anna:hs") } == false)
        try database.write { writer in
            try writer.setReady("@anna:hs", true, at: fixedDate(10))
            try writer.setReady("@bo:hs", true, at: fixedDate(10))
            try writer.setReady("@bo:hs", false, at: fixedDate(20))
            try writer.setReady("@cleo:hs", false, at: fixedDate(20))
        }
        try database.read { reader throws in
            #expect(try reader.readyStudents() == ["@anna:hs"])
            #expect(try reader.isReady("@anna:hs"))
            #expect(try reader.isReady("@bo:hs") == false)
        }
        #expect(throws: RosterStoreError.studentNotOnRoster(userID: "@zoe:hs")) {
            try database.write { try $0.setReady("@zoe:hs", true, at: fixedDate(30)) }
        }
    }

    @Test func anAbsenceIsPerSessionAndMarkingTwiceChangesNothing() throws {
        let (store, a, _) = try databaseWithGroups()
        let database = store.database
        let first = try plan(database, group: a, start: 1_000).number
        let second = try plan(database, group: a, start: 9_000).number
        try database.write { writer in
            try writer.markAbsent(first, userID: "@bo:hs", at: fixedDate(10))
            try writer.markAbsent(first, userID: "@bo:hs", at: fixedDate(20))
        }
        try database.read { reader throws in
            #expect(try reader.absentees(first) == ["@bo:hs"])
            #expect(try reader.absentees(second).isEmpty)
        }
        let markedAt = try database.writer.read { db in
            try Date.fetchAll(db, sql: "SELECT markedAt FROM sessionAbsence")
        }
        #expect(markedAt == [fixedDate(10)])
        #expect(throws: RosterStoreError.studentNotOnRoster(userID: "@zoe:hs")) {
            try database.write { try $0.markAbsent(first, userID: "@zoe:hs", at: fixedDate(30)) }
        }
        #expect(throws: SessionStoreError.sessionNotFound(number: 999)) {
            try database.write { try $0.markAbsent(999, userID: "@bo:hs", at: fixedDate(30)) }
        }
    }

    @Test func pastFacilitationsAreTheFrozenOnesOldestFirst() throws {
        let (store, a, b) = try databaseWithGroups()
        let database = store.database
        let third = try plan(database, group: a, start: 30_000).number
        let first = try plan(database, group: a, start: 10_000).number
        let second = try plan(database, group: a, start: 20_000).number
        let upcoming = try plan(database, group: a, start: 40_000).number
        let otherGroup = try plan(database, group: b, start: 10_000).number
        try database.write { writer in
            try writer.freezeFacilitator(third, "@anna:hs")
            try writer.freezeFacilitator(first, "@bo:hs")
            try writer.freezeFacilitator(second, SessionRecord.supervisorFacilitator)
            try writer.freezeFacilitator(otherGroup, "@cleo:hs")
            try writer.setFacilitatorOverride(upcoming, "@bo:hs")
        }
        let past = try database.read { try $0.pastFacilitations(ofGroup: a) }
        #expect(past.map(\.number) == [first, second, third])
        #expect(past.map(\.facilitator) == ["@bo:hs", "supervisor", "@anna:hs"])

        try database.write { try $0.setFacilitatorOverride(upcoming, nil) }
        #expect(try database.read { try $0.session(number: upcoming) }?.facilitatorOverride == nil)
    }

    @Test func aFacilitatorIsAUserIDOrTheSupervisor() throws {
        let (store, a, _) = try databaseWithGroups()
        let database = store.database
        let number = try plan(database, group: a, start: 1_000).number
        for invalid in ["anna", "", "Supervisor"] {
            #expect(throws: DatabaseError.self, "\(invalid)") { try database.write { try $0.freezeFacilitator(number, invalid) } }
            #expect(throws: DatabaseError.self, "\(invalid)") { try database.write { try $0.setFacilitatorOverride(number, invalid) } }
        }
        #expect(throws: SessionStoreError.sessionNotFound(number: 999)) {
            try database.write { try $0.freezeFacilitator(999, "@anna:hs") }
        }
        let session = try #require(try database.read { try $0.session(number: number) })
        #expect(session.facilitator == nil)
        #expect(session.facilitatorOverride == nil)
    }

    @Test func removingAStudentKeepsTheirConfirmationsAndAbsencesButNotTheirReadiness() throws {
        let (store, a, _) = try databaseWithGroups()
        let database = store.database
        let number = try plan(database, group: a, start: 1_000).number
        try database.write { writer in
            for userID in ["@anna:hs", "@bo:hs"] {
                try writer.confirm(number, userID: userID, version: 1, at: fixedDate(10), reactionEventID: nil)
                try writer.markAbsent(number, userID: userID, at: fixedDate(10))
                try writer.setReady(userID, true, at: fixedDate(10))
            }
            try writer.removeStudent(userID: "@bo:hs")
        }
        try database.read { reader throws in
            #expect(try reader.confirmations(number).map(\.userID) == ["@anna:hs", "@bo:hs"])
            #expect(try reader.absentees(number) == ["@anna:hs", "@bo:hs"])
            // Readiness looks ahead: a removed student facilitates nothing more.
            #expect(try reader.readyStudents() == ["@anna:hs"])
        }
    }

    @Test func deletingASessionRemovesEverythingAboutIt() throws {
        let (store, a, _) = try databaseWithGroups()
        let database = store.database
        let number = try plan(database, group: a, start: 1_000).number
        try database.write { writer in
            try writer.addSessionItem(number, kind: .goal, text: "Goal")
            try writer.confirm(number, userID: "@anna:hs", version: 2, at: fixedDate(10), reactionEventID: "$r")
            try writer.markAbsent(number, userID: "@bo:hs", at: fixedDate(10))
            try writer.addQuestion(sessionNumber: number, groupID: a, userID: "@bo:hs", text: "Why?", at: fixedDate(10))
        }
        try database.writer.write { try $0.execute(sql: "DELETE FROM studyGroup WHERE id = ?", arguments: [a]) }
        let counts = try database.writer.read { db in
            try ["session", "sessionItem", "goalsConfirmation", "sessionAbsence", "goalsQuestion"].map {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)")
            }
        }
        #expect(counts == [0, 0, 0, 0, 0])
    }
}
