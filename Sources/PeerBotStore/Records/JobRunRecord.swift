import Foundation
import GRDB

/// A scheduled job that has run, keyed by what it was for (e.g. "goals:12").
struct JobRunRecord: Codable, FetchableRecord, PersistableRecord, StoredDates {
    static let databaseTableName = "jobRun"

    var jobKey: String
    var ranAt: Date
}
