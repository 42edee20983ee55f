import GRDB

/// The single row holding the `next_batch` token of the last committed /sync.
struct SyncPositionRecord: Codable, FetchableRecord, PersistableRecord, StoredDates {
    static let databaseTableName = "syncPosition"
    static let onlyID = 1

    var id = SyncPositionRecord.onlyID
    var nextBatch: String
}
