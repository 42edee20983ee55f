import Foundation
import GRDB

/// Rows the sender may try now: the first pending row of each room, if its back-off is over.
public struct DueOutbox: Sendable, Equatable {
    /// Answers before bulk work, then the order they were queued.
    public var items: [OutboxItem]
    /// Rows that cannot be read back (a damaged row); the sender gives them up.
    public var unreadable: [Int64]
}

extension OutboxReader {
    /// The first pending row of every room whose next attempt is due at `date`, answers first.
    ///
    /// A room's rows go strictly in order (a welcome after its room's creation); rooms do not
    /// wait on each other, so one room that keeps failing holds back only itself.
    public func due(at date: Date, limit: Int) throws -> DueOutbox {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT o.* FROM outbox o
            WHERE o.state = 'pending'
              AND o.id = (SELECT min(p.id) FROM outbox p WHERE p.state = 'pending' AND p.roomID = o.roomID)
              AND (o.nextAttemptAt IS NULL OR o.nextAttemptAt <= ?)
            ORDER BY o.priority, o.id LIMIT ?
            """), arguments: [date.stored, limit])
        var due = DueOutbox(items: [], unreadable: [])
        for row in rows {
            if let item = try? OutboxRecord(row: row).item() {
                due.items.append(item)
            } else {
                due.unreadable.append(row["id"])
            }
        }
        return due
    }

    /// When the earliest room whose first row is waiting out its back-off is due again.
    public func nextAttempt() throws -> Date? {
        try StoredDate.fetchOne(db.cachedStatement(sql: """
            SELECT min(o.nextAttemptAt) FROM outbox o
            WHERE o.state = 'pending' AND o.nextAttemptAt IS NOT NULL
              AND o.id = (SELECT min(p.id) FROM outbox p WHERE p.state = 'pending' AND p.roomID = o.roomID)
            """))?.date
    }

    /// The highest outbox row id given so far (0 for none): rows queued later have higher ids.
    public func lastID() throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0),
                       coalesce((SELECT max(id) FROM outbox), 0))
            """)) ?? 0
    }
}

// Used by AppDatabase's sender operations; each changes one pending row.
extension OutboxWriter {
    /// A failed attempt: the row waits until `next`. `counted` is false for a rate limit, which
    /// says nothing about the row and must not bring it nearer to being given up.
    func scheduleRetry(id: Int64, error: String, next: Date, counted: Bool) throws {
        try db.execute(
            sql: """
                UPDATE outbox SET attempts = attempts + ?, lastError = ?, nextAttemptAt = ?
                WHERE id = ? AND state = 'pending'
                """,
            arguments: [counted ? 1 : 0, error, next.stored, id])
    }

    func setCreationUncertain(id: Int64, _ uncertain: Bool, holdUntil: Date?) throws {
        try db.execute(
            sql: "UPDATE outbox SET creationUncertain = ?, nextAttemptAt = COALESCE(?, nextAttemptAt) WHERE id = ? AND state = 'pending'",
            arguments: [uncertain, holdUntil?.stored, id])
    }

    /// Marks every row queued after `id` as bulk work, so answers go ahead of it.
    public func markBulk(after id: Int64) throws {
        try db.execute(sql: "UPDATE outbox SET priority = 1 WHERE id > ? AND state = 'pending'", arguments: [id])
    }
}
