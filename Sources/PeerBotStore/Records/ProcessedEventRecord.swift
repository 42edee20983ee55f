import Foundation
import GRDB

/// An event whose effects are committed; seeing its id again means: skip it.
struct ProcessedEventRecord: Codable, FetchableRecord, PersistableRecord, StoredDates {
    static let databaseTableName = "processedEvent"

    var eventID: String
    var roomID: String
    var processedAt: Date
}
