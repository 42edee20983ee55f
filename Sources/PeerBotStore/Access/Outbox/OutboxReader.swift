import Foundation
import GRDB

extension OutboxReader {
    /// The outbox row with this id.
    public func item(id: Int64) throws -> OutboxItem? {
        try OutboxRecord.fetchOne(db, key: id)?.item()
    }

    /// The oldest pending rows first, at most `limit` of them.
    public func pending(limit: Int) throws -> [OutboxItem] {
        // The literal 'pending' lets SQLite use the partial index outbox_pending.
        try OutboxRecord
            .fetchAll(db.cachedStatement(sql: "SELECT * FROM outbox WHERE state = 'pending' ORDER BY id LIMIT ?"), arguments: [limit])
            .map { try $0.item() }
    }

    /// How many outbox rows are in each state.
    public func counts() throws -> (pending: Int, sent: Int, failed: Int) {
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT state, count(*) FROM outbox GROUP BY state"))
        var counts: [String: Int] = [:]
        for row in rows {
            counts[row[0]] = row[1]
        }
        return (
            counts[OutboxState.pending.rawValue, default: 0],
            counts[OutboxState.sent.rawValue, default: 0],
            counts[OutboxState.failed.rawValue, default: 0]
        )
    }
}

extension OutboxWriter {
    /// Writes the action to the outbox with a transaction id it keeps for every attempt.
    ///
    /// The id is "pb.<row id>.<random>": the random part keeps ids unique even
    /// if the database is recreated and row ids start again at 1.
    @discardableResult
    public func enqueue(_ action: OutboxAction, at date: Date = Date()) throws -> OutboxItem {
        let id = try nextOutboxID()
        let record = OutboxRecord(id: id, txnID: Self.makeTxnID(rowID: id), action: action, createdAt: date)
        // The columns of the first schema only; later ones start at their defaults. This keeps
        // the upgrade tests able to write rows the way earlier releases did.
        // Run raw: a catch-up batch queues hundreds of answers.
        try RawQuery.execute(db, """
            INSERT INTO outbox (id, txnID, kind, roomID, eventType, stateKey, contentJSON, targetEventID,
                                targetUserID, reason, state, attempts, createdAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?)
            """, [.integer(record.id), .text(record.txnID), .text(record.kind.rawValue), .text(record.roomID), .text(record.eventType),
                  .text(record.stateKey), .text(record.contentJSON), .text(record.targetEventID), .text(record.targetUserID),
                  .text(record.reason), .date(date)])
        return try record.item()
    }

    /// Deletes sent and failed rows that finished before `date` (their content may be
    /// personal data); pending rows are never pruned. Returns how many were removed.
    @discardableResult
    public func prune(finishedBefore date: Date) throws -> Int {
        try db.execute(
            sql: "DELETE FROM outbox WHERE state <> 'pending' AND finishedAt < ?",
            arguments: [date.stored])
        let removed = db.changesCount
        if removed > 0 { try store.privacy.noteErasure() }
        return removed
    }

    // Writes are serialized, so the id computed here is still free at insert time.
    private func nextOutboxID() throws -> Int64 {
        try RawQuery.first(db, """
            SELECT max(
                coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0),
                coalesce((SELECT max(id) FROM outbox), 0)) + 1
            """, []) { try $0.integer(0) } ?? 1
    }

    private static let txnAlphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)

    static func makeTxnID(rowID: Int64) -> String {
        // Random bytes below 248 (4 × 62) taken modulo 62, so every character is equally likely;
        // sixteen bytes from one system call nearly always hold twelve such.
        var suffix: [UInt8] = []
        suffix.reserveCapacity(12)
        var random = [UInt8](repeating: 0, count: 16)
        while suffix.count < 12 {
            random.withUnsafeMutableBytes { arc4random_buf($0.baseAddress!, $0.count) }
            for byte in random where byte < 248 && suffix.count < 12 { suffix.append(txnAlphabet[Int(byte % 62)]) }
        }
        return "pb.\(rowID).\(String(decoding: suffix, as: UTF8.self))"
    }
}
