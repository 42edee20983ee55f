import Foundation

extension AppDatabase {
    /// The sender's view of the outbox: each call is its own short transaction.
    public var outbox: OutboxSending { OutboxSending(database: self) }
}

/// The outbox as the sender works it, one short transaction per call, so that a slow
/// homeserver never holds the write lock.
public struct OutboxSending: Sendable {
    let database: AppDatabase

    /// Pending rows in id order (the order they were enqueued), at most `limit`.
    public func pending(limit: Int) throws -> [OutboxItem] {
        try database.read { try $0.outbox.pending(limit: limit) }
    }

    /// See `OutboxReader.due(at:limit:)`.
    public func due(at date: Date, limit: Int) throws -> DueOutbox {
        try database.read { try $0.outbox.due(at: date, limit: limit) }
    }

    /// The homeserver confirmed the row; it is never returned as pending again.
    /// Throws `StoreError.outboxItemNotPending` if it was already sent or failed.
    public func markSent(id: Int64, eventID: String?, at date: Date = Date()) throws {
        try database.write { try $0.outbox.markSent(id: id, eventID: eventID, at: date) }
    }

    /// The homeserver refused the row for good (e.g. 403): kept for inspection, never retried.
    public func markFailed(id: Int64, reason: String, at date: Date = Date()) throws {
        try database.write { try $0.outbox.markFailed(id: id, reason: reason, at: date) }
    }

    /// An attempt failed in a way worth retrying: counts it and keeps the error.
    public func recordAttempt(id: Int64, error: String) throws {
        try database.write { try $0.outbox.recordAttempt(id: id, error: error) }
    }

    /// A failed attempt, to be retried at `next`; see `OutboxWriter.scheduleRetry`.
    public func scheduleRetry(id: Int64, error: String, next: Date, counted: Bool) throws {
        try database.write { try $0.outbox.scheduleRetry(id: id, error: error, next: next, counted: counted) }
    }

    /// Set just before a createRoom call, cleared when the homeserver answers with a refusal.
    /// `holdUntil` keeps the row from being tried again before then should the process die
    /// during the call: the homeserver may still be making the room, and the search for it at
    /// the next attempt would find nothing yet.
    public func setCreationUncertain(id: Int64, _ uncertain: Bool, holdUntil: Date? = nil) throws {
        try database.write { try $0.outbox.setCreationUncertain(id: id, uncertain, holdUntil: holdUntil) }
    }
}
