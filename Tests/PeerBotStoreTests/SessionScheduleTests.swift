import Foundation
import GRDB
import Testing
@testable import PeerBotStore

@Suite struct SessionScheduleTests {
    @Test func theNextSessionIsTheEarliestNotCancelledAndNotEnded() throws {
        let (store, a, b) = try databaseWithGroups()
        let database = store.database
        // Planned out of order; each lasts an hour.
        let late = try plan(database, group: a, start: 20_000)
        let cancelled = try plan(database, group: a, start: 8_000)
        let early = try plan(database, group: a, start: 1_000)
        try plan(database, group: b, start: 5_000)
        try database.write { try $0.sessions.cancel(cancelled.number, at: fixedDate(3)) }

        try database.read { reader throws in
            #expect(try reader.sessions.all(ofGroup: a).map(\.number) == [early.number, cancelled.number, late.number])
            // Before it starts, and while it runs, the early session is next.
            #expect(try reader.sessions.next(ofGroup: a, after: fixedDate(0))?.number == early.number)
            #expect(try reader.sessions.next(ofGroup: a, after: fixedDate(4_599.5))?.number == early.number)
            // Once it has ended, the cancelled one is skipped.
            #expect(try reader.sessions.next(ofGroup: a, after: fixedDate(4_600))?.number == late.number)
            #expect(try reader.sessions.next(ofGroup: a, after: fixedDate(23_600)) == nil)
        }
    }

    @Test func aSessionLongerThanADayEndsWhenItsDurationSays() throws {
        let (store, a, _) = try databaseWithGroups()
        let database = store.database
        let number = try database.write { writer in
            try writer.sessions.plan(
                groupID: a, title: "Project week", startsAt: fixedDate(0.25), durationSeconds: 3 * 86_400,
                plannedBy: "@sup:hs", at: fixedDate(0))
        }.number
        try database.read { reader throws in
            #expect(try reader.sessions.next(ofGroup: a, after: fixedDate(3 * 86_400 + 0.2))?.number == number)
            #expect(try reader.sessions.next(ofGroup: a, after: fixedDate(3 * 86_400 + 0.25)) == nil)
        }
    }

    @Test func openJobsAreThoseNotFinishedNotCancelledAndStartingInTime() throws {
        let (store, a, b) = try databaseWithGroups()
        let database = store.database
        let finished = try plan(database, group: a, start: 1_000)
        let open = try plan(database, group: b, start: 2_000)
        let cancelled = try plan(database, group: a, start: 3_000)
        let tooLate = try plan(database, group: a, start: 90_000)
        try database.write { writer in
            try writer.sessions.finishJobs(finished.number, at: fixedDate(4_600))
            try writer.sessions.cancel(cancelled.number, at: fixedDate(100))
        }
        #expect(try database.read { try $0.sessions.withOpenJobs(before: fixedDate(10_000)) }.map(\.number) == [open.number])
        #expect(try database.read { try $0.sessions.withOpenJobs(before: fixedDate(90_000)) }.map(\.number)
            == [open.number, tooLate.number])

        // Moving a finished session opens its jobs again.
        try database.write { try $0.sessions.move(finished.number, to: fixedDate(5_000), at: fixedDate(0)) }
        #expect(try database.read { try $0.sessions.withOpenJobs(before: fixedDate(10_000)) }.map(\.number)
            == [open.number, finished.number])
    }

    @Test func theSchedulerAndReactionLookupsUseTheirIndexes() throws {
        let (store, _, _) = try databaseWithGroups()
        let plans = try store.database.writer.read { db in
            try [
                """
                SELECT * FROM session WHERE jobsFinishedAt IS NULL AND cancelledAt IS NULL AND startsAt <= ?
                ORDER BY startsAt, number
                """,
                "SELECT session.* FROM outbox JOIN session ON session.goalsOutboxID = outbox.id WHERE outbox.eventID = ?",
            ].map { sql in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: ["x"]).map { $0["detail"] as String }
            }
        }
        #expect(plans[0].contains { $0.contains("session_openJobs") }, "\(plans[0])")
        #expect(plans[1].contains { $0.contains("outbox_eventID") }, "\(plans[1])")
        #expect(plans[1].contains { $0.contains("session_goalsOutbox") }, "\(plans[1])")
    }
}
