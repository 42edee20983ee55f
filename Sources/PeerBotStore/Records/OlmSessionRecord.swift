import Foundation
import GRDB

/// One sealed Olm session with another device.
struct OlmSessionRecord: Codable, FetchableRecord, PersistableRecord, StoredDates {
    static let databaseTableName = "olmSession"

    var sessionID: String
    var senderKey: String
    var pickle: String
    var createdAt: Date
    var lastUsedAt: Date
}

/// One sealed inbound Megolm session (a room key).
struct MegolmInboundSessionRecord: Codable, FetchableRecord, PersistableRecord, StoredDates {
    static let databaseTableName = "megolmInboundSession"

    var roomID: String
    var senderKey: String
    var sessionID: String
    var senderUserID: String
    var signingKey: String
    var firstKnownIndex: Int64
    var pickle: String
    var receivedAt: Date
}
