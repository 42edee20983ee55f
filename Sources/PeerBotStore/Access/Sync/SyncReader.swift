import GRDB

extension SyncReader {
    /// The `next_batch` token of the last committed /sync, or nil before the first.
    public func token() throws -> String? {
        try SyncPositionRecord.fetchOne(db, key: SyncPositionRecord.onlyID)?.nextBatch
    }
}

extension SyncWriter {
    /// Records where the next /sync continues; commits with the batch's effects.
    public func setToken(_ token: String) throws {
        try SyncPositionRecord(nextBatch: token).save(db)
    }
}
