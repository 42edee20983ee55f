import Foundation
import GRDB

extension StoreReader {
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

extension StoreWriter {
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
