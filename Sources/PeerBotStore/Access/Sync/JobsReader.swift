import Foundation
import GRDB

extension JobsReader {
    /// Whether the job with this key has run.
    public func hasRun(jobKey: String) throws -> Bool {
        try JobRunRecord.exists(db, key: jobKey)
    }

    /// Which of these jobs have run, in one query.
    public func ranJobs(_ keys: [String]) throws -> Set<String> {
        guard !keys.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: keys.count).joined(separator: ",")
        return Set(try String.fetchAll(db, sql: "SELECT jobKey FROM jobRun WHERE jobKey IN (\(marks))", arguments: StatementArguments(keys)))
    }
}

extension JobsReader {
    /// How often the job has failed in a row (0 when its last run succeeded or it never failed).
    public func failures(jobKey: String) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT failures FROM jobFailure WHERE jobKey = ?"), arguments: [jobKey]) ?? 0
    }
}

extension JobsWriter {
    /// Counts one more failure of the job in a row; returns how many now.
    @discardableResult
    public func recordFailure(jobKey: String, at date: Date) throws -> Int {
        try db.execute(sql: """
            INSERT INTO jobFailure (jobKey, failures, lastFailedAt) VALUES (?, 1, ?)
            ON CONFLICT(jobKey) DO UPDATE SET failures = failures + 1, lastFailedAt = excluded.lastFailedAt
            """, arguments: [jobKey, date.stored])
        return try failures(jobKey: jobKey)
    }

    /// The job succeeded (or was set aside): its failures in a row start again from 0.
    public func clearFailures(jobKey: String) throws {
        try db.cachedStatement(sql: "DELETE FROM jobFailure WHERE jobKey = ?").execute(arguments: [jobKey])
    }
}

extension JobsWriter {
    /// Records that the job ran, in the same transaction as its effects.
    ///
    /// Marking a job twice throws `StoreError.jobAlreadyRun`, which rolls back the
    /// whole transaction: a job that somehow ran again cannot commit its messages twice.
    public func markRun(jobKey: String, at date: Date) throws {
        do {
            try JobRunRecord(jobKey: jobKey, ranAt: date).insert(db)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
            throw StoreError.jobAlreadyRun(jobKey: jobKey)
        }
    }
}
