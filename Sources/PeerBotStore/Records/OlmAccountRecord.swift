import Foundation
import GRDB

/// The single row holding the bot's sealed Olm account.
struct OlmAccountRecord: Codable, FetchableRecord, PersistableRecord, StoredDates {
    static let databaseTableName = "olmAccount"
    static let onlyID = 1

    var id = OlmAccountRecord.onlyID
    var deviceID: String
    var pickle: String
    var createdAt: Date
    var updatedAt: Date
}
