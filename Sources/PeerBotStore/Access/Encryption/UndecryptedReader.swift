import Foundation
import GRDB

/// An encrypted room event the bot could not read yet because its room key has not arrived.
public struct PendingEncryptedEvent: Sendable, Equatable {
    public let eventID: String
    public let roomID: String
    public let senderUserID: String
    /// The sending device's Curve25519 key as the event claims it (deprecated, may be absent).
    public let senderKey: String?
    public let sessionID: String
    public let deviceID: String?
    /// The event as the homeserver sent it, as JSON: ciphertext, never plaintext.
    public let event: String
    public let receivedAt: Date
    /// When `m.room_key_request` went out for its session; nil while not yet.
    public let keyRequestedAt: Date?

    public init(eventID: String, roomID: String, senderUserID: String, senderKey: String?, sessionID: String,
                deviceID: String?, event: String, receivedAt: Date, keyRequestedAt: Date? = nil) {
        self.eventID = eventID
        self.roomID = roomID
        self.senderUserID = senderUserID
        self.senderKey = senderKey
        self.sessionID = sessionID
        self.deviceID = deviceID
        self.event = event
        self.receivedAt = receivedAt
        self.keyRequestedAt = keyRequestedAt
    }

    init(_ record: PendingEncryptedEventRecord) {
        self.init(eventID: record.eventID, roomID: record.roomID, senderUserID: record.senderUserID, senderKey: record.senderKey,
                  sessionID: record.sessionID, deviceID: record.deviceID, event: record.event, receivedAt: record.receivedAt,
                  keyRequestedAt: record.keyRequestedAt)
    }
}

extension UndecryptedReader {
    /// Waiting events whose room key has arrived since they were last tried (or a copy reaching
    /// further back), oldest first.
    public func eventsWithKeys() throws -> [PendingEncryptedEvent] {
        try PendingEncryptedEventRecord.fetchAll(db.cachedStatement(sql: """
            SELECT p.* FROM pendingEncryptedEvent p
            WHERE EXISTS (SELECT 1 FROM megolmInboundSession m
                          WHERE m.roomID = p.roomID AND m.sessionID = p.sessionID
                            AND (p.senderKey IS NULL OR m.senderKey = p.senderKey)
                            AND (p.triedFirstIndex IS NULL OR m.firstKnownIndex < p.triedFirstIndex))
            ORDER BY p.receivedAt, p.rowid
            """)).map(PendingEncryptedEvent.init)
    }

    /// Waiting events first seen at or before `date`, in the order they came.
    public func events(receivedBefore date: Date) throws -> [PendingEncryptedEvent] {
        try PendingEncryptedEventRecord.filter(Column("receivedAt") <= date.stored)
            .order(Column("receivedAt"), Column.rowID).fetchAll(db).map(PendingEncryptedEvent.init)
    }

    /// One waiting event per room key not yet asked for, oldest first, at most `limit`.
    public func keyRequests(limit: Int) throws -> [PendingEncryptedEvent] {
        try PendingEncryptedEventRecord.fetchAll(db.cachedStatement(sql: """
            SELECT p.* FROM pendingEncryptedEvent p
            WHERE p.keyRequestedAt IS NULL AND p.eventID = (
                SELECT q.eventID FROM pendingEncryptedEvent q WHERE q.roomID = p.roomID AND q.sessionID = p.sessionID
                ORDER BY q.receivedAt, q.rowid LIMIT 1)
            ORDER BY p.receivedAt, p.rowid LIMIT ?
            """), arguments: [limit]).map(PendingEncryptedEvent.init)
    }

    /// The sender of a kept event that waits for room key `sessionID` of `roomID` made by the
    /// device with Curve25519 key `senderKey` (an event that names no sender key waits for any); nil when none waits.
    public func roomKeyWaiter(roomID: String, sessionID: String, senderKey: String) throws -> String? {
        try String.fetchOne(db, sql: """
            SELECT senderUserID FROM pendingEncryptedEvent
            WHERE roomID = ? AND sessionID = ? AND (senderKey IS NULL OR senderKey = ?)
            ORDER BY receivedAt, rowid LIMIT 1
            """, arguments: [roomID, sessionID, senderKey])
    }

    /// How many events are waiting for their keys.
    public func count() throws -> Int {
        try PendingEncryptedEventRecord.fetchCount(db)
    }

    /// Every stored copy of room key `sessionID` for `roomID` (one per sending device key).
    public func megolmSessions(roomID: String, sessionID: String) throws -> [StoredMegolmSession] {
        // A cached statement: a catch-up after an outage asks this once per encrypted event.
        // Columns read by position, not through Codable: that decoding cost more than the query.
        let statement = try db.cachedStatement(sql: """
            SELECT senderKey, senderUserID, signingKey, firstKnownIndex, pickle FROM megolmInboundSession
            WHERE roomID = ? AND sessionID = ?
            """)
        return try Row.fetchAll(statement, arguments: [roomID, sessionID]).map { row in
            StoredMegolmSession(roomID: roomID, senderKey: row[0], sessionID: sessionID, senderUserID: row[1],
                                signingKey: row[2], firstKnownIndex: row[3], pickle: row[4])
        }
    }

    /// Every stored copy of the room keys `sessionIDs` for `roomID`, by session id, in one
    /// statement: a catch-up's timeline names hundreds of sessions. A session with no stored key
    /// is present with no copies, so the caller need not ask for it again.
    public func megolmSessions(roomID: String, sessionIDs: [String]) throws -> [String: [StoredMegolmSession]] {
        var found: [String: [StoredMegolmSession]] = [:]
        guard !sessionIDs.isEmpty else { return found }
        found.reserveCapacity(sessionIDs.count)
        for sessionID in sessionIDs { found[sessionID] = [] }
        // Stepped straight through SQLite (`RawQuery`): GRDB's row decoding was a quarter of this read.
        let stored = try RawQuery.all(db, """
            SELECT sessionID, senderKey, senderUserID, signingKey, firstKnownIndex, pickle FROM megolmInboundSession
            WHERE roomID = ? AND sessionID IN (SELECT value FROM json_each(?))
            """, [.text(roomID), .text(JSONStringArray.text(sessionIDs))]) { row in
            StoredMegolmSession(roomID: roomID, senderKey: try row.text(1), sessionID: try row.text(0), senderUserID: try row.text(2),
                                signingKey: try row.text(3), firstKnownIndex: try row.integer(4), pickle: try row.text(5))
        }
        for session in stored { found[session.sessionID, default: []].append(session) }
        return found
    }
}

extension UndecryptedWriter {
    /// Keeps `event` until its key arrives; a second copy of a waiting event changes nothing.
    public func keep(_ event: PendingEncryptedEvent) throws {
        try PendingEncryptedEventRecord(
            eventID: event.eventID, roomID: event.roomID, senderUserID: event.senderUserID, senderKey: event.senderKey,
            sessionID: event.sessionID, deviceID: event.deviceID, event: event.event, receivedAt: event.receivedAt,
            triedFirstIndex: nil, keyRequestedAt: event.keyRequestedAt
        ).insert(db, onConflict: .ignore)
    }

    /// Notes that the event was tried with keys reaching back to `firstIndex` and still not read.
    public func markTried(eventID: String, firstIndex: Int64) throws {
        try db.execute(sql: "UPDATE pendingEncryptedEvent SET triedFirstIndex = ? WHERE eventID = ?", arguments: [firstIndex, eventID])
    }

    /// Stops waiting for `eventID` (read, redacted, refused or given up on).
    public func drop(eventID: String) throws {
        _ = try PendingEncryptedEventRecord.deleteOne(db, key: eventID)
    }

    /// Notes that the key of `sessionID` in `roomID` was asked for.
    public func markKeyRequested(roomID: String, sessionID: String, at date: Date) throws {
        try db.execute(sql: "UPDATE pendingEncryptedEvent SET keyRequestedAt = ? WHERE roomID = ? AND sessionID = ? AND keyRequestedAt IS NULL",
                       arguments: [date.stored, roomID, sessionID])
    }

    /// Records that `eventID`, its signature verified, used message `index` of the session (a
    /// second record for the same event is harmless). It takes the place of an unchecked claim by
    /// another event (the caller made sure it is not that claim's replay); another event's
    /// verified record stays.
    public func recordMessageIndex(senderKey: String, sessionID: String, index: Int64, eventID: String, at date: Date) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO megolmMessageIndex (senderKey, sessionID, messageIndex, eventID, seenAt) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (senderKey, sessionID, messageIndex) DO UPDATE SET
                eventID = excluded.eventID, seenAt = excluded.seenAt, unverifiedSignature = NULL
            WHERE megolmMessageIndex.unverifiedSignature IS NOT NULL OR megolmMessageIndex.eventID = excluded.eventID
            """)
        try statement.execute(arguments: [senderKey, sessionID, index, eventID, date.stored])
    }

    /// Notes that `eventID` claims the index while its signature (`signature`) is not checked
    /// yet; an index already recorded keeps its record.
    public func claimMessageIndex(senderKey: String, sessionID: String, index: Int64, eventID: String,
                                  signature: [UInt8], at date: Date) throws {
        try claimMessageIndexes([MessageIndexClaim(index: MegolmIndex(senderKey: senderKey, sessionID: sessionID, index: index),
                                                   eventID: eventID, signature: signature)], at: date)
    }
}
