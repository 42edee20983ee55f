import Foundation
import GRDB

// Used by AppDatabase's sender operations; each changes one pending row.
extension OutboxWriter {
    func markSent(id: Int64, eventID: String?, at date: Date) throws {
        try updatePending(
            id: id,
            sql: "UPDATE outbox SET state = 'sent', eventID = ?, finishedAt = ? WHERE id = ? AND state = 'pending'",
            arguments: [eventID, date.stored, id])
        guard let eventID else { return }
        // The session and the round name the messages that later events point at themselves:
        // the outbox row that posted them is pruned after a month, the links must not go with it.
        try db.cachedStatement(sql: "UPDATE session SET goalsEventID = ? WHERE goalsOutboxID = ?")
            .execute(arguments: [eventID, id])
        try db.cachedStatement(sql: "UPDATE reflectionRound SET promptEventID = ? WHERE promptOutboxID = ?")
            .execute(arguments: [eventID, id])
        // A reply to feedback is told by its target; that too must outlive the outbox row.
        try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO feedbackMessage (eventID, sentAt)
                SELECT ?, ? FROM outbox
                WHERE id = ? AND kind = 'send' AND eventType = 'm.room.message' AND ? <> ''
                    AND json_extract(contentJSON, '$."peerbot.kind"') = 'feedback'
                """)
            .execute(arguments: [eventID, date.stored, id, eventID])
    }

    /// The row is given up for good; public so that its alert can be queued in the same transaction.
    public func markFailed(id: Int64, reason: String, at date: Date) throws {
        try updatePending(
            id: id,
            sql: """
                UPDATE outbox SET state = 'failed', attempts = attempts + 1, lastError = ?, finishedAt = ?
                WHERE id = ? AND state = 'pending'
                """,
            arguments: [reason, date.stored, id])
    }

    func recordAttempt(id: Int64, error: String) throws {
        try updatePending(
            id: id,
            sql: "UPDATE outbox SET attempts = attempts + 1, lastError = ? WHERE id = ? AND state = 'pending'",
            arguments: [error, id])
    }

    private func updatePending(id: Int64, sql: String, arguments: StatementArguments) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
        guard db.changesCount == 0 else { return }
        guard let state = try OutboxRecord.fetchOne(db, key: id)?.state else {
            throw StoreError.outboxItemNotFound(id: id)
        }
        throw StoreError.outboxItemNotPending(id: id, state: state)
    }
}
