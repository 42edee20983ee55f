import Foundation
import GRDB
import Testing
@testable import PeerBotStore

/// Group A (anna, bo) and group B (cleo) of the first formation.
func databaseWithGroups(flavor: StoreFlavor = .inMemory) throws -> (TestStore, a: Int64, b: Int64) {
    let store = try databaseWithRoster(["anna", "bo", "cleo"], flavor: flavor)
    let groups = try store.database.write { writer in
        try writer.groups.create(
            [(name: "A", members: ["@anna:hs", "@bo:hs"]), (name: "B", members: ["@cleo:hs"])], at: fixedDate(1))
    }
    return (store, groups[0].id, groups[1].id)
}

/// Plans an hour-long session starting `start` seconds into 2025.
@discardableResult
func plan(_ database: AppDatabase, group: Int64, start: TimeInterval, title: String = "Sepsis") throws -> SessionRecord {
    try database.write { writer in
        try writer.sessions.plan(
            groupID: group, title: title, startsAt: fixedDate(start), durationSeconds: 3600,
            plannedBy: "@sup:hs", at: fixedDate(2))
    }
}

@Suite struct SessionTests {
    @Test(arguments: StoreFlavor.allCases)
    func aPlannedSessionIsStoredWithANewNumber(flavor: StoreFlavor) throws {
        let (store, a, b) = try databaseWithGroups(flavor: flavor)
        let database = store.database
        let first = try plan(database, group: a, start: 1000)
        let second = try plan(database, group: b, start: 1000, title: "Falls")
        #expect(second.number > first.number)
        #expect(first == SessionRecord(
            number: first.number, groupID: a, title: "Sepsis", startsAt: fixedDate(1000), durationSeconds: 3600,
            plannedAt: fixedDate(2), plannedBy: "@sup:hs"))
        #expect(first.endsAt == fixedDate(4600))
        #expect(try database.read { try $0.sessions.find(number: second.number) } == second)

        // A deleted session's number is never handed out again.
        try database.writer.write { try $0.execute(sql: "DELETE FROM session WHERE number = ?", arguments: [second.number]) }
        let third = try plan(database, group: a, start: 2000)
        #expect(third.number > second.number)
    }

    @Test func planningNeedsAnActiveGroupATitleAndADuration() throws {
        let (store, a, _) = try databaseWithGroups()
        let database = store.database
        #expect(throws: RosterStoreError.groupNotFound(id: 999)) { try plan(database, group: 999, start: 10) }
        #expect(throws: DatabaseError.self) { try plan(database, group: a, start: 10, title: "") }
        #expect(throws: DatabaseError.self) {
            try database.write { writer in
                try writer.sessions.plan(
                    groupID: a, title: "T", startsAt: fixedDate(10), durationSeconds: 0, plannedBy: "@sup:hs", at: fixedDate(2))
            }
        }
        _ = try database.write { try $0.groups.create([(name: "C", members: [])], at: fixedDate(5)) }
        #expect(throws: RosterStoreError.groupArchived(id: a)) { try plan(database, group: a, start: 10) }
        #expect(try database.read { try $0.sessions.all(ofGroup: a) }.isEmpty)
    }

    @Test func goalsOutcomesAndActivityBumpTheGoalsVersion() throws {
        let (store, a, _) = try databaseWithGroups()
        let database = store.database
        let number = try plan(database, group: a, start: 1000).number
        try database.write { writer in
            try writer.sessions.addItem(number, kind: .goal, text: "Recognise sepsis early")
            try writer.sessions.addItem(number, kind: .outcome, text: "A shared checklist")
            try writer.sessions.addItem(number, kind: .goal, text: "Know the six steps")
            try writer.sessions.setActivity(number, kind: .case, brief: "Mr. J, 78, confused")
            try writer.sessions.setActivity(number, kind: .discussion, brief: "What did you see this week?")
        }
        try database.read { reader throws in
            let session = try #require(try reader.sessions.find(number: number))
            #expect(session.goalsVersion == 6)
            #expect(session.activity == .discussion)
            #expect(session.activityBrief == "What did you see this week?")
            let items = try reader.sessions.items(number)
            #expect(items.goals == ["Recognise sepsis early", "Know the six steps"])
            #expect(items.outcomes == ["A shared checklist"])
        }
        #expect(throws: DatabaseError.self) {
            try database.write { try $0.sessions.addItem(number, kind: .goal, text: "") }
        }
        #expect(throws: SessionStoreError.sessionNotFound(number: 999)) {
            try database.write { try $0.sessions.addItem(999, kind: .goal, text: "x") }
        }
        #expect(try database.read { try $0.sessions.find(number: number) }?.goalsVersion == 6)
    }

    @Test func movingReschedulesTheJobsAndTheFacilitator() throws {
        let (store, a, _) = try databaseWithGroups()
        let database = store.database
        let number = try plan(database, group: a, start: 1000).number
        try database.write { writer in
            try writer.sessions.freezeFacilitator(number, "@anna:hs")
            try writer.sessions.setFacilitatorOverride(number, "@bo:hs")
            try writer.sessions.finishJobs(number, at: fixedDate(5000))
            try writer.sessions.move(number, to: fixedDate(9000), at: fixedDate(0))
        }
        let moved = try #require(try database.read { try $0.sessions.find(number: number) })
        #expect(moved.startsAt == fixedDate(9000))
        #expect(moved.jobsFinishedAt == nil)
        #expect(moved.facilitator == nil)
        // The supervisor's choice still holds.
        #expect(moved.facilitatorOverride == "@bo:hs")
        #expect(throws: SessionStoreError.sessionNotFound(number: 999)) {
            try database.write { try $0.sessions.move(999, to: fixedDate(1), at: fixedDate(0)) }
        }
    }

    @Test func aCancelledSessionCanNoLongerChange() throws {
        let (store, a, _) = try databaseWithGroups()
        let database = store.database
        let number = try plan(database, group: a, start: 1000).number
        try database.write { try $0.sessions.cancel(number, at: fixedDate(500)) }
        #expect(try database.read { try $0.sessions.find(number: number) }?.cancelledAt == fixedDate(500))
        let cancelled = SessionStoreError.sessionCancelled(number: number)
        #expect(throws: cancelled) { try database.write { try $0.sessions.cancel(number, at: fixedDate(600)) } }
        #expect(throws: cancelled) { try database.write { try $0.sessions.move(number, to: fixedDate(2000), at: fixedDate(0)) } }
        #expect(throws: cancelled) { try database.write { try $0.sessions.addItem(number, kind: .goal, text: "x") } }
        #expect(throws: cancelled) { try database.write { try $0.sessions.setActivity(number, kind: .project, brief: "x") } }
        #expect(throws: cancelled) { try database.write { try $0.sessions.setFacilitatorOverride(number, "supervisor") } }
        let session = try #require(try database.read { try $0.sessions.find(number: number) })
        #expect(session.cancelledAt == fixedDate(500))
        #expect(session.startsAt == fixedDate(1000))
        #expect(session.goalsVersion == 1)
        #expect(try database.read { try $0.sessions.all(ofGroup: a) }.map(\.number) == [number])
    }
}
