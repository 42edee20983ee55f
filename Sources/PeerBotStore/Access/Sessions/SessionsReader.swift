import Foundation
import GRDB

extension SessionsReader {
    /// The session with this number, cancelled or not.
    public func find(number: Int64) throws -> SessionRecord? {
        try SessionRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM session WHERE number = ?"), arguments: [number])
    }

    /// The lowest session number never used: a deleted or cancelled session's number is not
    /// given again. Writes are serialized, so it is still free when the plan is stored.
    public func nextNumber() throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT max(
                coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'session'), 0),
                coalesce((SELECT max(number) FROM session), 0)) + 1
            """)) ?? 1
    }

    /// All the group's sessions, cancelled ones included, by start.
    public func all(ofGroup groupID: Int64) throws -> [SessionRecord] {
        try SessionRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM session WHERE groupID = ? ORDER BY startsAt, number"), arguments: [groupID])
    }

    /// The group's earliest session, not cancelled, that has not ended by `date`
    /// (a session under way counts).
    public func next(ofGroup groupID: Int64, after date: Date) throws -> SessionRecord? {
        // The end is formatted like the dates GRDB stores, milliseconds included,
        // so that the two compare as text.
        try SessionRecord.fetchOne(db.cachedStatement(sql: """
                SELECT * FROM session
                WHERE groupID = ? AND cancelledAt IS NULL
                    AND strftime('%Y-%m-%d %H:%M:%f', startsAt, '+' || durationSeconds || ' seconds') > ?
                ORDER BY startsAt, number LIMIT 1
                """),
            arguments: [groupID, date.stored])
    }

    /// Sessions, not cancelled, whose scheduled moments have not all run, starting no later
    /// than `date` (the caller passes now plus the longest lead time), by start.
    public func withOpenJobs(before date: Date) throws -> [SessionRecord] {
        // The literal conditions let SQLite use the partial index session_openJobs.
        try SessionRecord.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM session
                WHERE jobsFinishedAt IS NULL AND cancelledAt IS NULL AND startsAt <= ?
                ORDER BY startsAt, number
                """),
            arguments: [date.stored])
    }

    /// The session's goals and expected outcomes, each in the order they were added.
    public func items(_ number: Int64) throws -> (goals: [String], outcomes: [String]) {
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT kind, text FROM sessionItem WHERE sessionNumber = ? ORDER BY id"), arguments: [number])
        var goals: [String] = []
        var outcomes: [String] = []
        for row in rows {
            switch SessionItemKind(rawValue: row[0]) {
            case .goal: goals.append(row[1])
            case .outcome: outcomes.append(row[1])
            case nil: throw StoreError.invalidRow(table: "sessionItem", id: String(number))
            }
        }
        return (goals, outcomes)
    }

    /// The session whose goals message is the event with this id, once the sender has
    /// recorded it; the link is on the session, so it outlives the outbox row.
    public func find(forGoalsEventID eventID: String) throws -> SessionRecord? {
        try SessionRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM session WHERE goalsEventID = ?"), arguments: [eventID])
    }

    /// Who facilitated the group's sessions, oldest first: every session not cancelled whose
    /// facilitator was frozen at its start (a user id or "supervisor").
    public func pastFacilitations(ofGroup groupID: Int64) throws -> [(number: Int64, facilitator: String)] {
        try Row.fetchAll(db.cachedStatement(sql: """
                SELECT number, facilitator FROM session
                WHERE groupID = ? AND facilitator IS NOT NULL AND cancelledAt IS NULL
                ORDER BY startsAt, number
                """),
            arguments: [groupID])
            .map { (number: $0[0], facilitator: $0[1]) }
    }
}
