import Foundation
import GRDB

/// An `m.room_key_request` the bot sent and has not withdrawn yet.
public struct OpenKeyRequest: Sendable, Equatable {
    public let requestID: String
    public let roomID: String
    public let sessionID: String
    public let recipient: String
    public let recipientDevice: String
    /// The bot's own user when all its devices were asked too.
    public let ownUser: String?

    public init(requestID: String, roomID: String, sessionID: String, recipient: String, recipientDevice: String, ownUser: String?) {
        self.requestID = requestID
        self.roomID = roomID
        self.sessionID = sessionID
        self.recipient = recipient
        self.recipientDevice = recipientDevice
        self.ownUser = ownUser
    }
}

extension KeysReader {
    /// Sent requests that are no longer needed: every kept message of their session is gone
    /// (read, redacted or given up) or has a stored key still to be tried on it. A key that was
    /// tried and does not reach back to the message (it was shared after the message was sent)
    /// answers nothing: the request stays open for a copy that does. Oldest first, at most `limit`.
    public func keyRequestsToCancel(limit: Int) throws -> [OpenKeyRequest] {
        try Row.fetchAll(db, sql: """
            SELECT r.* FROM roomKeyRequest r
            WHERE r.cancelledAt IS NULL
              AND NOT EXISTS (
                SELECT 1 FROM pendingEncryptedEvent p WHERE p.roomID = r.roomID AND p.sessionID = r.sessionID
                  AND NOT EXISTS (SELECT 1 FROM megolmInboundSession m
                                  WHERE m.roomID = p.roomID AND m.sessionID = p.sessionID
                                    AND (p.senderKey IS NULL OR m.senderKey = p.senderKey)
                                    AND (p.triedFirstIndex IS NULL OR m.firstKnownIndex < p.triedFirstIndex)))
            ORDER BY r.requestedAt, r.rowid LIMIT ?
            """, arguments: [limit]).map {
            OpenKeyRequest(requestID: $0["requestID"], roomID: $0["roomID"], sessionID: $0["sessionID"],
                           recipient: $0["recipient"], recipientDevice: $0["recipientDevice"], ownUser: $0["ownUser"])
        }
    }

    /// When request `requestID` was withdrawn; nil while it is open or unknown.
    public func keyRequestCancelledAt(_ requestID: String) throws -> Date? {
        try StoredDate.fetchOne(db, sql: "SELECT cancelledAt FROM roomKeyRequest WHERE requestID = ?", arguments: [requestID])?.date
    }
}

extension KeysWriter {
    /// Records that `request` went out; a second record of the same request changes nothing.
    public func recordKeyRequest(_ request: OpenKeyRequest, at date: Date) throws {
        try db.execute(sql: """
            INSERT INTO roomKeyRequest (requestID, roomID, sessionID, recipient, recipientDevice, ownUser, requestedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """, arguments: [request.requestID, request.roomID, request.sessionID, request.recipient, request.recipientDevice,
                             request.ownUser, date.stored])
    }

    /// Notes that the homeserver took the cancellation of `requestID`.
    public func markKeyRequestCancelled(_ requestID: String, at date: Date) throws {
        try db.execute(sql: "UPDATE roomKeyRequest SET cancelledAt = ? WHERE requestID = ? AND cancelledAt IS NULL",
                       arguments: [date.stored, requestID])
    }
}
