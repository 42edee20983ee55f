import Foundation
import GRDB
import PeerLearning

/// A run of outbox rows (long bulk work) whose progress one message in `roomID` shows.
public struct OutboxBatch: Sendable, Equatable {
    public var id: Int64
    public var roomID: String
    public var firstOutboxID: Int64
    public var lastOutboxID: Int64
    /// The row of the progress message, which edits replace.
    public var progressOutboxID: Int64
    /// The language of the progress message (the schema holds only `da` and `en`).
    public var language: Language
    public var startedAt: Date
    public var reportedAt: Date?
    public var finishedAt: Date?
}

/// How far a batch has come.
public struct OutboxBatchCounts: Sendable, Equatable {
    public var sent: Int
    public var failed: Int
    public var pending: Int
    /// Pending room creations, the slowest kind under a homeserver's limits.
    public var pendingCreations: Int
}

extension OutboxReader {
    /// The unfinished batch that row `outboxID` belongs to, if any.
    public func openBatch(containing outboxID: Int64) throws -> OutboxBatch? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT * FROM outboxBatch WHERE finishedAt IS NULL AND ? BETWEEN firstOutboxID AND lastOutboxID
            ORDER BY id LIMIT 1
            """), arguments: [outboxID]).map(Self.batch)
    }

    /// Every batch whose progress message has not yet shown its end, oldest first.
    public func openBatches() throws -> [OutboxBatch] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM outboxBatch WHERE finishedAt IS NULL ORDER BY id")).map(Self.batch)
    }

    public func batch(id: Int64) throws -> OutboxBatch? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM outboxBatch WHERE id = ?"), arguments: [id]).map(Self.batch)
    }

    /// Sent, failed and pending rows of the batch; rows already pruned count as sent.
    public func counts(of batch: OutboxBatch) throws -> OutboxBatchCounts {
        try counts(rows: batch.firstOutboxID, through: batch.lastOutboxID)
    }

    /// Sent, failed and pending rows among ids `first...last`; rows already pruned count as sent.
    public func counts(rows first: Int64, through last: Int64) throws -> OutboxBatchCounts {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) FILTER (WHERE state = 'failed'),
                   count(*) FILTER (WHERE state = 'pending'),
                   count(*) FILTER (WHERE state = 'pending' AND kind = 'create')
            FROM outbox WHERE id BETWEEN ? AND ?
            """), arguments: [first, last])
        let failed: Int = row?[0] ?? 0
        let pending: Int = row?[1] ?? 0
        let total = Int(last - first + 1)
        return OutboxBatchCounts(sent: total - failed - pending, failed: failed, pending: pending, pendingCreations: row?[2] ?? 0)
    }

    private static func batch(_ row: Row) -> OutboxBatch {
        OutboxBatch(
            id: row["id"], roomID: row["roomID"], firstOutboxID: row["firstOutboxID"], lastOutboxID: row["lastOutboxID"],
            progressOutboxID: row["progressOutboxID"], language: Language(rawValue: row["language"]) ?? .en,
            startedAt: (row["startedAt"] as StoredDate?)?.date ?? Date(timeIntervalSince1970: 0),
            reportedAt: (row["reportedAt"] as StoredDate?)?.date, finishedAt: (row["finishedAt"] as StoredDate?)?.date)
    }
}

extension OutboxWriter {
    /// Records that rows `first...last` are one piece of bulk work shown by the message in row
    /// `progressOutboxID`; the rows are marked bulk so answers go ahead of them.
    @discardableResult
    public func startBatch(rows first: Int64, through last: Int64, progressOutboxID: Int64, roomID: String,
                           language: Language, at date: Date) throws -> Int64 {
        try db.execute(sql: "UPDATE outbox SET priority = 1 WHERE id BETWEEN ? AND ? AND state = 'pending'", arguments: [first, last])
        try db.execute(sql: """
            INSERT INTO outboxBatch (roomID, firstOutboxID, lastOutboxID, progressOutboxID, language, startedAt)
            VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [roomID, first, last, progressOutboxID, language.rawValue, date.stored])
        return db.lastInsertedRowID
    }

    /// The progress message was updated at `date`; `finished` once nothing of the batch is pending.
    public func recordBatchReport(id: Int64, at date: Date, finished: Bool) throws {
        try db.execute(
            sql: "UPDATE outboxBatch SET reportedAt = ?, finishedAt = CASE WHEN ? THEN ? ELSE finishedAt END WHERE id = ?",
            arguments: [date.stored, finished, date.stored, id])
    }

    /// Finished batches started before `date` are forgotten, like the outbox rows they counted.
    public func pruneBatches(finishedBefore date: Date) throws {
        try db.execute(sql: "DELETE FROM outboxBatch WHERE finishedAt < ?", arguments: [date.stored])
    }
}
