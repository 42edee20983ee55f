import Foundation

// The sender's view of the outbox: each call is its own short transaction.
extension AppDatabase {
    /// Pending rows in id order (the order they were enqueued), at most `limit`.
    public func pendingOutbox(limit: Int) throws -> [OutboxItem] {
        try read { try $0.pendingOutbox(limit: limit) }
    }

    /// The homeserver confirmed the row; it is never returned as pending again.
    /// Throws `StoreError.outboxItemNotPending` if it was already sent or failed.
    public func markOutboxSent(id: Int64, eventID: String?, at date: Date = Date()) throws {
        try write { try $0.markOutboxSent(id: id, eventID: eventID, at: date) }
    }

    /// The homeserver refused the row for good (e.g. 403): kept for inspection, never retried.
    public func markOutboxFailed(id: Int64, reason: String, at date: Date = Date()) throws {
        try write { try $0.markOutboxFailed(id: id, reason: reason, at: date) }
    }

    /// An attempt failed in a way worth retrying: counts it and keeps the error.
    public func recordOutboxAttempt(id: Int64, error: String) throws {
        try write { try $0.recordOutboxAttempt(id: id, error: error) }
    }
}
