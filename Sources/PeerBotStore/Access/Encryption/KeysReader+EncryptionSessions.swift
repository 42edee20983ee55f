import Foundation
import GRDB

/// A sealed Olm session as stored.
public struct StoredOlmSession: Sendable, Equatable, CustomStringConvertible {
    public let sessionID: String
    public let senderKey: String
    public let pickle: String

    public var description: String { "StoredOlmSession(\(sessionID), pickle: <redacted>)" }
}

/// A room key as received: who shared it, through which device key, from which index on.
public struct StoredMegolmSession: Sendable, Equatable, CustomStringConvertible {
    public let roomID: String
    public let senderKey: String
    public let sessionID: String
    public let senderUserID: String
    public let signingKey: String
    public let firstKnownIndex: Int64
    public let pickle: String

    public init(roomID: String, senderKey: String, sessionID: String, senderUserID: String, signingKey: String,
                firstKnownIndex: Int64, pickle: String) {
        self.roomID = roomID
        self.senderKey = senderKey
        self.sessionID = sessionID
        self.senderUserID = senderUserID
        self.signingKey = signingKey
        self.firstKnownIndex = firstKnownIndex
        self.pickle = pickle
    }

    public var description: String { "StoredMegolmSession(\(roomID), \(sessionID), from \(firstKnownIndex), pickle: <redacted>)" }
}

extension KeysReader {
    /// The Olm sessions with the device whose Curve25519 key is `senderKey`, newest-used first.
    public func olmSessions(senderKey: String) throws -> [StoredOlmSession] {
        try OlmSessionRecord.filter(Column("senderKey") == senderKey).order(Column("lastUsedAt").desc).fetchAll(db).map {
            StoredOlmSession(sessionID: $0.sessionID, senderKey: $0.senderKey, pickle: $0.pickle)
        }
    }

    /// The room key `sessionID` that `senderKey` shared for `roomID`, if received.
    public func megolmSession(roomID: String, senderKey: String, sessionID: String) throws -> StoredMegolmSession? {
        try MegolmInboundSessionRecord.fetchOne(db, key: ["roomID": roomID, "senderKey": senderKey, "sessionID": sessionID]).map {
            StoredMegolmSession(roomID: $0.roomID, senderKey: $0.senderKey, sessionID: $0.sessionID, senderUserID: $0.senderUserID,
                                signingKey: $0.signingKey, firstKnownIndex: $0.firstKnownIndex, pickle: $0.pickle)
        }
    }
}

extension KeysWriter {
    /// Stores a new Olm session, or its new state after a message.
    public func saveOlmSession(sessionID: String, senderKey: String, pickle: String, at date: Date) throws {
        if var record = try OlmSessionRecord.fetchOne(db, key: sessionID) {
            record.pickle = pickle
            record.lastUsedAt = date
            try record.update(db)
        } else {
            try OlmSessionRecord(sessionID: sessionID, senderKey: senderKey, pickle: pickle, createdAt: date, lastUsedAt: date).insert(db)
        }
    }

    /// Stores a received room key. A copy of a key already held is kept only when it reaches
    /// further back (a lower first index); true when the stored key changed.
    @discardableResult
    public func saveMegolmSession(_ session: StoredMegolmSession, at date: Date) throws -> Bool {
        let key: [String: any DatabaseValueConvertible] = ["roomID": session.roomID, "senderKey": session.senderKey, "sessionID": session.sessionID]
        if let existing = try MegolmInboundSessionRecord.fetchOne(db, key: key), existing.firstKnownIndex <= session.firstKnownIndex {
            return false
        }
        try MegolmInboundSessionRecord(
            roomID: session.roomID, senderKey: session.senderKey, sessionID: session.sessionID, senderUserID: session.senderUserID,
            signingKey: session.signingKey, firstKnownIndex: session.firstKnownIndex, pickle: session.pickle, receivedAt: date
        ).save(db)
        return true
    }
}
