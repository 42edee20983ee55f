import Foundation
import GRDB

// Called once or twice per event of a /sync batch, hence the cached statements.
extension StoreReader {
    /// Whether this event's effects are already committed.
    public func isProcessed(eventID: String) throws -> Bool {
        let statement = try db.cachedStatement(sql: "SELECT 1 FROM processedEvent WHERE eventID = ?")
        return try Int.fetchOne(statement, arguments: [eventID]) != nil
    }

    /// When the bot last handled an event, or nil before the first (or once all are pruned).
    public func lastProcessedAt() throws -> Date? {
        try StoredDate.fetchOne(db, sql: "SELECT MAX(processedAt) FROM processedEvent")?.date
    }
}

extension StoreWriter {
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

    /// Forgets event ids processed before `date`; returns how many were removed.
    @discardableResult
    public func pruneProcessed(olderThan date: Date) throws -> Int {
        try ProcessedEventRecord.filter(Column("processedAt") < date.stored).deleteAll(db)
    }
}
