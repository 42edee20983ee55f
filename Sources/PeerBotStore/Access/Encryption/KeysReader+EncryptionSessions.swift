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

// Every to-device room key passes through the statements below (a catch-up brings thousands), so
// they are cached SQL, not GRDB's query interface, which writes and prepares its SQL on each call.
extension KeysReader {
    /// The Olm sessions with the device whose Curve25519 key is `senderKey`, newest-used first.
    public func olmSessions(senderKey: String) throws -> [StoredOlmSession] {
        let statement = try db.cachedStatement(sql: """
            SELECT sessionID, senderKey, pickle FROM olmSession WHERE senderKey = ? ORDER BY lastUsedAt DESC
            """)
        return try Row.fetchAll(statement, arguments: [senderKey]).map {
            StoredOlmSession(sessionID: $0[0], senderKey: $0[1], pickle: $0[2])
        }
    }

    /// The room key `sessionID` that `senderKey` shared for `roomID`, if received.
    public func megolmSession(roomID: String, senderKey: String, sessionID: String) throws -> StoredMegolmSession? {
        let statement = try db.cachedStatement(sql: """
            SELECT roomID, senderKey, sessionID, senderUserID, signingKey, firstKnownIndex, pickle FROM megolmInboundSession
            WHERE roomID = ? AND senderKey = ? AND sessionID = ?
            """)
        return try Row.fetchOne(statement, arguments: [roomID, senderKey, sessionID]).map {
            StoredMegolmSession(roomID: $0[0], senderKey: $0[1], sessionID: $0[2], senderUserID: $0[3],
                                signingKey: $0[4], firstKnownIndex: $0[5], pickle: $0[6])
        }
    }
}

extension KeysWriter {
    /// Stores a new Olm session, or its new state after a message.
    public func saveOlmSession(sessionID: String, senderKey: String, pickle: String, at date: Date) throws {
        try db.cachedStatement(sql: "UPDATE olmSession SET pickle = ?, lastUsedAt = ? WHERE sessionID = ?")
            .execute(arguments: [pickle, date.stored, sessionID])
        guard db.changesCount == 0 else { return }
        try db.cachedStatement(sql: """
            INSERT INTO olmSession (sessionID, senderKey, pickle, createdAt, lastUsedAt) VALUES (?, ?, ?, ?, ?)
            """).execute(arguments: [sessionID, senderKey, pickle, date.stored, date.stored])
    }

    /// Stores a received room key. A copy of a key already held is kept only when it reaches
    /// further back (a lower first index); true when the stored key changed.
    @discardableResult
    public func saveMegolmSession(_ session: StoredMegolmSession, at date: Date) throws -> Bool {
        let held = try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT firstKnownIndex FROM megolmInboundSession WHERE roomID = ? AND senderKey = ? AND sessionID = ?
            """), arguments: [session.roomID, session.senderKey, session.sessionID])
        if let held, held <= session.firstKnownIndex { return false }
        let values: StatementArguments = [session.senderUserID, session.signingKey, session.firstKnownIndex, session.pickle, date.stored,
                                          session.roomID, session.senderKey, session.sessionID]
        if held == nil {
            try db.cachedStatement(sql: """
                INSERT INTO megolmInboundSession (senderUserID, signingKey, firstKnownIndex, pickle, receivedAt, roomID, senderKey, sessionID)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: values)
        } else {
            try db.cachedStatement(sql: """
                UPDATE megolmInboundSession SET senderUserID = ?, signingKey = ?, firstKnownIndex = ?, pickle = ?, receivedAt = ?
                WHERE roomID = ? AND senderKey = ? AND sessionID = ?
                """).execute(arguments: values)
        }
        return true
    }
}
