import Foundation
import GRDB

/// A room's outbound Megolm session as stored: sealed, with when it was made.
public struct StoredOutboundSession: Sendable, Equatable, CustomStringConvertible {
    public let roomID: String
    public let sessionID: String
    public let pickle: String
    public let createdAt: Date

    public var description: String { "StoredOutboundSession(\(roomID), \(sessionID), pickle: <redacted>)" }
}

/// A to-device message waiting for the homeserver's confirmation.
public struct PendingToDevice: Sendable, Equatable {
    public let txnID: String
    public let eventType: String
    /// `messages[user][device]` = content, as JSON.
    public let messagesJSON: String
}

/// The encrypted event an outbox row was fixed to before its first attempt.
public struct OutboxCiphertext: Sendable, Equatable {
    public let eventType: String
    public let contentJSON: String

    public init(eventType: String, contentJSON: String) {
        self.eventType = eventType
        self.contentJSON = contentJSON
    }
}

extension KeysReader {
    public func outboundSession(roomID: String) throws -> StoredOutboundSession? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM megolmOutboundSession WHERE roomID = ?"), arguments: [roomID]).map {
            StoredOutboundSession(roomID: $0["roomID"], sessionID: $0["sessionID"], pickle: $0["pickle"],
                                  createdAt: StoredDate.date(from: $0["createdAt"] as DatabaseValue) ?? Date())
        }
    }

    /// The devices the session's key was given to, as `user|device`.
    public func sharedDevices(sessionID: String) throws -> Set<String> {
        Set(try Row.fetchAll(db.cachedStatement(sql: "SELECT userID, deviceID FROM megolmShare WHERE sessionID = ?"), arguments: [sessionID]).map {
            let user: String = $0["userID"]
            let device: String = $0["deviceID"]
            return user + "|" + device
        })
    }

    /// To-device messages not yet confirmed, oldest first.
    public func pendingToDevice() throws -> [PendingToDevice] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM toDeviceOutbox ORDER BY createdAt, txnID")).map {
            PendingToDevice(txnID: $0["txnID"], eventType: $0["eventType"], messagesJSON: $0["messagesJSON"])
        }
    }

    public func outboxCiphertext(outboxID: Int64) throws -> OutboxCiphertext? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT eventType, contentJSON FROM outboxCiphertext WHERE outboxID = ?"), arguments: [outboxID]).map {
            OutboxCiphertext(eventType: $0["eventType"], contentJSON: $0["contentJSON"])
        }
    }
}

extension KeysWriter {
    /// Makes `sessionID` the room's outbound session; the previous one and its shares are gone.
    public func replaceOutboundSession(roomID: String, sessionID: String, pickle: String, at date: Date) throws {
        try discardOutboundSession(roomID: roomID)
        try db.execute(sql: "INSERT INTO megolmOutboundSession (roomID, sessionID, pickle, createdAt) VALUES (?, ?, ?, ?)",
                       arguments: [roomID, sessionID, pickle, date.stored])
    }

    /// The session's state after its ratchet moved on; false when it is no longer the room's.
    @discardableResult
    public func updateOutboundSession(roomID: String, sessionID: String, pickle: String) throws -> Bool {
        try db.execute(sql: "UPDATE megolmOutboundSession SET pickle = ? WHERE roomID = ? AND sessionID = ?",
                       arguments: [pickle, roomID, sessionID])
        return db.changesCount > 0
    }

    /// Drops the room's outbound session (a member left): the next message starts a new one.
    public func discardOutboundSession(roomID: String) throws {
        try db.execute(sql: "DELETE FROM megolmShare WHERE sessionID IN (SELECT sessionID FROM megolmOutboundSession WHERE roomID = ?)",
                       arguments: [roomID])
        try db.execute(sql: "DELETE FROM megolmOutboundSession WHERE roomID = ?", arguments: [roomID])
    }

    public func recordShares(sessionID: String, devices: [(userID: String, deviceID: String)]) throws {
        for device in devices {
            try db.execute(sql: "INSERT OR IGNORE INTO megolmShare (sessionID, userID, deviceID) VALUES (?, ?, ?)",
                           arguments: [sessionID, device.userID, device.deviceID])
        }
    }

    public func enqueueToDevice(txnID: String, eventType: String, messagesJSON: String, at date: Date) throws {
        try db.execute(sql: "INSERT INTO toDeviceOutbox (txnID, eventType, messagesJSON, createdAt) VALUES (?, ?, ?, ?)",
                       arguments: [txnID, eventType, messagesJSON, date.stored])
    }

    public func removeToDevice(txnID: String) throws {
        try db.execute(sql: "DELETE FROM toDeviceOutbox WHERE txnID = ?", arguments: [txnID])
    }

    /// Fixes the ciphertext of a pending outbox row; those of rows already delivered are dropped
    /// on the way, as nothing will send them again.
    public func setOutboxCiphertext(outboxID: Int64, _ ciphertext: OutboxCiphertext) throws {
        try db.execute(sql: "DELETE FROM outboxCiphertext WHERE outboxID NOT IN (SELECT id FROM outbox WHERE state = 'pending')")
        try db.execute(sql: "INSERT INTO outboxCiphertext (outboxID, eventType, contentJSON) VALUES (?, ?, ?)",
                       arguments: [outboxID, ciphertext.eventType, ciphertext.contentJSON])
    }
}
