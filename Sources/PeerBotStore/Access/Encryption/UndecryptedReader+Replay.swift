import Foundation
import GRDB

/// Whether a Megolm message index of a received session may still be used.
public enum MessageIndexUse: Equatable, Sendable {
    /// No event used it yet.
    case unused
    /// This event used it (a second look at the same event is no replay).
    case usedBy(String)
    /// This event claimed it, its signature (these bytes) not checked yet: the same message again
    /// is a replay, a different one may be the genuine message the claim took the place of.
    case claimedBy(String, signature: [UInt8])
    /// An event used it long ago, whose record was pruned: no event may use it again.
    case forgotten
}

/// One Megolm message index of a received session (its sender key and session id), which
/// exactly one event may use.
public struct MegolmIndex: Hashable, Sendable {
    public let senderKey: String
    public let sessionID: String
    public let index: Int64

    public init(senderKey: String, sessionID: String, index: Int64) {
        self.senderKey = senderKey
        self.sessionID = sessionID
        self.index = index
    }
}

/// An unchecked event's claim on a message index, with the signature bytes it carried.
public struct MessageIndexClaim: Sendable, Equatable {
    public let index: MegolmIndex
    public let eventID: String
    public let signature: [UInt8]

    public init(index: MegolmIndex, eventID: String, signature: [UInt8]) {
        self.index = index
        self.eventID = eventID
        self.signature = signature
    }

    /// The length of an Ed25519 signature, which every Megolm message carries.
    static let signatureLength = 64
}

extension UndecryptedReader {
    /// `messageIndexUse` for many indexes at once, in one statement: a catch-up decrypts
    /// thousands of messages, and each asks.
    public func messageIndexUses(_ indexes: [MegolmIndex]) throws -> [MegolmIndex: MessageIndexUse] {
        var uses: [MegolmIndex: MessageIndexUse] = [:]
        guard !indexes.isEmpty else { return uses }
        uses.reserveCapacity(indexes.count)
        let statement = try db.cachedStatement(sql: """
            SELECT w.key, i.eventID, i.unverifiedSignature,
                   EXISTS (SELECT 1 FROM megolmReplayFloor f WHERE f.senderKey = w.k AND f.sessionID = w.s AND f.floorIndex > w.n)
            FROM (SELECT key, json_extract(value, '$[0]') AS k, json_extract(value, '$[1]') AS s,
                         json_extract(value, '$[2]') AS n FROM json_each(?)) w
            LEFT JOIN megolmMessageIndex i ON i.senderKey = w.k AND i.sessionID = w.s AND i.messageIndex = w.n
            """)
        let text = JSONStringArray.rows(indexes.map { [.text($0.senderKey), .text($0.sessionID), .integer($0.index)] })
        let rows = try Row.fetchCursor(statement, arguments: [text])
        while let row = try rows.next() {
            let position: Int = row[0]
            guard indexes.indices.contains(position) else { continue }
            uses[indexes[position]] = Self.use(eventID: row[1], signature: row[2], belowFloor: row[3])
        }
        return uses
    }

    private static func use(eventID: String?, signature: Data?, belowFloor: Bool) -> MessageIndexUse {
        if let eventID { return signature.map { .claimedBy(eventID, signature: Array($0)) } ?? .usedBy(eventID) }
        return belowFloor ? .forgotten : .unused
    }

    /// Who used message `index` of the session: the event recorded, or, below the session's
    /// replay floor, an event no longer known.
    public func messageIndexUse(senderKey: String, sessionID: String, index: Int64) throws -> MessageIndexUse {
        // One statement for the record and the floor: a catch-up asks this once per encrypted event.
        let statement = try db.cachedStatement(sql: """
            SELECT i.eventID, i.unverifiedSignature,
                   EXISTS (SELECT 1 FROM megolmReplayFloor f WHERE f.senderKey = ?1 AND f.sessionID = ?2 AND f.floorIndex > ?3)
            FROM (SELECT 1) LEFT JOIN megolmMessageIndex i ON i.senderKey = ?1 AND i.sessionID = ?2 AND i.messageIndex = ?3
            """)
        guard let row = try Row.fetchOne(statement, arguments: [senderKey, sessionID, index]) else { return .unused }
        return Self.use(eventID: row[0], signature: row[1], belowFloor: row[2])
    }

    /// How many message indexes are listed one by one.
    public func messageIndexCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM megolmMessageIndex") ?? 0
    }
}

extension UndecryptedWriter {
    /// `claimMessageIndex` for many claims, in one statement and in their order: a later claim
    /// of an index claimed or used already (also earlier in `claims`) changes nothing.
    public func claimMessageIndexes(_ claims: [MessageIndexClaim], at date: Date) throws {
        // Every signature is bound in one blob, each at its claim's place (`substr` on a blob
        // counts bytes); one of another length, which no Megolm message has, goes alone.
        let length = MessageIndexClaim.signatureLength
        var signatures = Data()
        signatures.reserveCapacity(claims.count * length)
        var rows: [[JSONStringArray.Cell]] = []
        rows.reserveCapacity(claims.count)
        for claim in claims {
            guard claim.signature.count == length else {
                try flushClaims(&rows, signatures: &signatures, at: date)
                try claimMessageIndex(senderKey: claim.index.senderKey, sessionID: claim.index.sessionID, index: claim.index.index,
                                      eventID: claim.eventID, signature: claim.signature, at: date)
                continue
            }
            rows.append([.text(claim.index.senderKey), .text(claim.index.sessionID), .integer(claim.index.index), .text(claim.eventID)])
            signatures.append(contentsOf: claim.signature)
        }
        try flushClaims(&rows, signatures: &signatures, at: date)
    }

    private func flushClaims(_ rows: inout [[JSONStringArray.Cell]], signatures: inout Data, at date: Date) throws {
        guard !rows.isEmpty else { return }
        // `WHERE true` keeps SQLite from reading ON CONFLICT as part of the SELECT's join.
        let statement = try db.cachedStatement(sql: """
            INSERT INTO megolmMessageIndex (senderKey, sessionID, messageIndex, eventID, seenAt, unverifiedSignature)
            SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
                   json_extract(value, '$[3]'), ?1, substr(?3, key * \(MessageIndexClaim.signatureLength) + 1, \(MessageIndexClaim.signatureLength))
            FROM json_each(?2) WHERE true
            ON CONFLICT DO NOTHING
            """)
        try statement.execute(arguments: [date.stored, JSONStringArray.rows(rows), signatures])
        rows.removeAll(keepingCapacity: true)
        signatures.removeAll(keepingCapacity: true)
    }

    /// Forgets the message indexes seen before `date` one by one, without letting them be used
    /// again: each session's replay floor rises above the highest of them, and every index below
    /// the floor (also a newer record of a lower index, which the floor covers) is dropped. An
    /// index below the floor that no event ever used is refused too; it belongs to a message
    /// older than the horizon, never delivered. Returns how many records went.
    @discardableResult
    public func pruneMessageIndexes(seenBefore date: Date, at now: Date) throws -> Int {
        try db.execute(sql: """
            INSERT INTO megolmReplayFloor (senderKey, sessionID, floorIndex, raisedAt)
            SELECT senderKey, sessionID, MAX(messageIndex) + 1, ? FROM megolmMessageIndex WHERE seenAt < ?
            GROUP BY senderKey, sessionID
            ON CONFLICT (senderKey, sessionID) DO UPDATE SET
                floorIndex = MAX(floorIndex, excluded.floorIndex), raisedAt = excluded.raisedAt
            """, arguments: [now.stored, date.stored])
        try db.execute(sql: """
            DELETE FROM megolmMessageIndex WHERE messageIndex < (
                SELECT f.floorIndex FROM megolmReplayFloor f
                WHERE f.senderKey = megolmMessageIndex.senderKey AND f.sessionID = megolmMessageIndex.sessionID)
            """)
        return db.changesCount
    }
}
