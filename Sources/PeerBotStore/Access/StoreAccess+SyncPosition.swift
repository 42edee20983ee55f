import GRDB

extension StoreReader {
    /// The `next_batch` token of the last committed /sync, or nil before the first.
    public func syncToken() throws -> String? {
        try SyncPositionRecord.fetchOne(db, key: SyncPositionRecord.onlyID)?.nextBatch
    }
}

extension StoreWriter {
    /// Records where the next /sync continues; commits with the batch's effects.
    public func setSyncToken(_ token: String) throws {
        try SyncPositionRecord(nextBatch: token).save(db)
    }
}
