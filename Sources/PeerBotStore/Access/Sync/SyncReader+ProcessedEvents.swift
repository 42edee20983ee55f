import Foundation
import GRDB

// Called once or twice per event of a /sync batch, hence the cached statements.
extension SyncReader {
    /// Whether this event's effects are already committed.
    public func isProcessed(eventID: String) throws -> Bool {
        let statement = try db.cachedStatement(sql: "SELECT 1 FROM processedEvent WHERE eventID = ?")
        return try Int.fetchOne(statement, arguments: [eventID]) != nil
    }

    /// Which of `eventIDs` are already marked processed: one statement for a whole timeline.
    public func processed(among eventIDs: [String]) throws -> Set<String> {
        guard !eventIDs.isEmpty else { return [] }
        let statement = try db.cachedStatement(sql: """
            SELECT eventID FROM processedEvent WHERE eventID IN (SELECT value FROM json_each(?))
            """)
        return try Set(String.fetchCursor(statement, arguments: [JSONStringArray.text(eventIDs)]))
    }

    /// When the bot last handled an event, or nil before the first (or once all are pruned).
    public func lastProcessedAt() throws -> Date? {
        try StoredDate.fetchOne(db.cachedStatement(sql: "SELECT MAX(processedAt) FROM processedEvent"))?.date
    }
}

extension SyncWriter {
    /// Records the event as handled. Marking it again is harmless and changes nothing.
    /// - returns: true if the event was new, false if it had already been marked.
    @discardableResult
    public func markProcessed(eventID: String, roomID: String, at date: Date) throws -> Bool {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO processedEvent (eventID, roomID, processedAt) VALUES (?, ?, ?)
            ON CONFLICT (eventID) DO NOTHING
            """)
        try statement.execute(arguments: [eventID, roomID, date.stored])
        return db.changesCount > 0
    }

    /// Records the events of one room as handled, in one statement; those already marked stay as
    /// they were. A batch claims its events as it routes them and writes the marks in one go, so
    /// an event's own savepoint holds only what the event changed.
    public func markProcessed(eventIDs: [String], roomID: String, at date: Date) throws {
        guard !eventIDs.isEmpty else { return }
        // `WHERE true` keeps SQLite from reading ON CONFLICT as part of the SELECT's join.
        let statement = try db.cachedStatement(sql: """
            INSERT INTO processedEvent (eventID, roomID, processedAt)
            SELECT value, ?, ? FROM json_each(?) WHERE true
            ON CONFLICT (eventID) DO NOTHING
            """)
        try statement.execute(arguments: [roomID, date.stored, JSONStringArray.text(eventIDs)])
    }

    /// Forgets event ids processed before `date`, except each room's newest: a cut timeline is
    /// paged back until a known event, and in a room quiet for longer than `date` reaches back
    /// that newest one is all that stops the paging before month-old commands. Returns how many
    /// were removed.
    @discardableResult
    public func pruneProcessed(olderThan date: Date) throws -> Int {
        try db.execute(sql: """
            DELETE FROM processedEvent WHERE processedAt < ? AND eventID NOT IN (
                SELECT eventID FROM (
                    SELECT eventID, row_number() OVER (PARTITION BY roomID ORDER BY processedAt DESC, eventID) AS newest
                    FROM processedEvent)
                WHERE newest = 1)
            """, arguments: [date.stored])
        return db.changesCount
    }
}
