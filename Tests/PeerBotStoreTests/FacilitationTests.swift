import Foundation
import GRDB
import Testing
@testable import PeerBotStore

@Suite struct FacilitationTests {
    @Test func studentsAreNotReadyUntilMarkedSo() throws {
        let (store, _, _) = try databaseWithGroups()
        let database = store.database
        #expect(try database.read { try $0.participation.isReady("@anna:hs") } == false)
        try database.write { writer in
            try writer.participation.setReady("@anna:hs", true, at: fixedDate(10))
            try writer.participation.setReady("@bo:hs", true, at: fixedDate(10))
            try writer.participation.setReady("@bo:hs", false, at: fixedDate(20))
            try writer.participation.setReady("@cleo:hs", false, at: fixedDate(20))
        }
        try database.read { reader throws in
            #expect(try reader.participation.readyStudents() == ["@anna:hs"])
            #expect(try reader.participation.isReady("@anna:hs"))
            #expect(try reader.participation.isReady("@bo:hs") == false)
        }
        #expect(throws: RosterStoreError.studentNotOnRoster(userID: "@zoe:hs")) {
            try database.write { try $0.participation.setReady("@zoe:hs", true, at: fixedDate(30)) }
        }
    }

    @Test func anAbsenceIsPerSessionAndMarkingTwiceChangesNothing() throws {
        let (store, a, _) = try databaseWithGroups()
        let database = store.database
        let first = try plan(database, group: a, start: 1_000).number
        let second = try plan(database, group: a, start: 9_000).number
        try database.write { writer in
            try writer.participation.markAbsent(first, userID: "@bo:hs", at: fixedDate(10))
            try writer.participation.markAbsent(first, userID: "@bo:hs", at: fixedDate(20))
        }
        try database.read { reader throws in
            #expect(try reader.participation.absentees(first) == ["@bo:hs"])
            #expect(try reader.participation.absentees(second).isEmpty)
        }
        let markedAt = try database.writer.read { db in
            try Date.fetchAll(db, sql: "SELECT markedAt FROM sessionAbsence")
        }
        #expect(markedAt == [fixedDate(10)])
        #expect(throws: RosterStoreError.studentNotOnRoster(userID: "@zoe:hs")) {
            try database.write { try $0.participation.markAbsent(first, userID: "@zoe:hs", at: fixedDate(30)) }
        }
        #expect(throws: SessionStoreError.sessionNotFound(number: 999)) {
            try database.write { try $0.participation.markAbsent(999, userID: "@bo:hs", at: fixedDate(30)) }
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
            try writer.sessions.freezeFacilitator(third, "@anna:hs")
            try writer.sessions.freezeFacilitator(first, "@bo:hs")
            try writer.sessions.freezeFacilitator(second, SessionRecord.supervisorFacilitator)
            try writer.sessions.freezeFacilitator(otherGroup, "@cleo:hs")
            try writer.sessions.setFacilitatorOverride(upcoming, "@bo:hs")
        }
        let past = try database.read { try $0.sessions.pastFacilitations(ofGroup: a) }
        #expect(past.map(\.number) == [first, second, third])
        #expect(past.map(\.facilitator) == ["@bo:hs", "supervisor", "@anna:hs"])

        try database.write { try $0.sessions.setFacilitatorOverride(upcoming, nil) }
        #expect(try database.read { try $0.sessions.find(number: upcoming) }?.facilitatorOverride == nil)
    }

    @Test func aFacilitatorIsAUserIDOrTheSupervisor() throws {
        let (store, a, _) = try databaseWithGroups()
        let database = store.database
        let number = try plan(database, group: a, start: 1_000).number
        for invalid in ["anna", "", "Supervisor"] {
            #expect(throws: DatabaseError.self, "\(invalid)") { try database.write { try $0.sessions.freezeFacilitator(number, invalid) } }
            #expect(throws: DatabaseError.self, "\(invalid)") { try database.write { try $0.sessions.setFacilitatorOverride(number, invalid) } }
        }
        #expect(throws: SessionStoreError.sessionNotFound(number: 999)) {
            try database.write { try $0.sessions.freezeFacilitator(999, "@anna:hs") }
        }
        let session = try #require(try database.read { try $0.sessions.find(number: number) })
        #expect(session.facilitator == nil)
        #expect(session.facilitatorOverride == nil)
    }

    @Test func removingAStudentKeepsTheirConfirmationsAndAbsencesButNotTheirReadiness() throws {
        let (store, a, _) = try databaseWithGroups()
        let database = store.database
        let number = try plan(database, group: a, start: 1_000).number
        try database.write { writer in
            for userID in ["@anna:hs", "@bo:hs"] {
                try writer.participation.confirm(number, userID: userID, version: 1, at: fixedDate(10), reactionEventID: nil)
                try writer.participation.markAbsent(number, userID: userID, at: fixedDate(10))
                try writer.participation.setReady(userID, true, at: fixedDate(10))
            }
            try writer.roster.remove(userID: "@bo:hs")
        }
        try database.read { reader throws in
            #expect(try reader.participation.confirmations(number).map(\.userID) == ["@anna:hs", "@bo:hs"])
            #expect(try reader.participation.absentees(number) == ["@anna:hs", "@bo:hs"])
            // Readiness looks ahead: a removed student facilitates nothing more.
            #expect(try reader.participation.readyStudents() == ["@anna:hs"])
        }
    }

    @Test func deletingASessionRemovesEverythingAboutIt() throws {
        let (store, a, _) = try databaseWithGroups()
        let database = store.database
        let number = try plan(database, group: a, start: 1_000).number
        try database.write { writer in
            try writer.sessions.addItem(number, kind: .goal, text: "Goal")
            try writer.participation.confirm(number, userID: "@anna:hs", version: 2, at: fixedDate(10), reactionEventID: "$r")
            try writer.participation.markAbsent(number, userID: "@bo:hs", at: fixedDate(10))
            try writer.participation.addQuestion(sessionNumber: number, groupID: a, userID: "@bo:hs", text: "Why?", at: fixedDate(10))
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
