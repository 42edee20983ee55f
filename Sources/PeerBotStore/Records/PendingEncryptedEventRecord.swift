import Foundation
import GRDB

/// One encrypted room event waiting for its room key (ciphertext only).
struct PendingEncryptedEventRecord: Codable, FetchableRecord, PersistableRecord, StoredDates {
    static let databaseTableName = "pendingEncryptedEvent"

    var eventID: String
    var roomID: String
    var senderUserID: String
    var senderKey: String?
    var sessionID: String
    var deviceID: String?
    var event: String
    var receivedAt: Date
    var triedFirstIndex: Int64?
    var keyRequestedAt: Date?
}
