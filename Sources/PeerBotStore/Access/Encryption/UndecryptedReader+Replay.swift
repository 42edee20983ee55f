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
}

extension UndecryptedReader {
    /// `messageIndexUse` for many indexes at once: a catch-up decrypts thousands of messages,
    /// and each asks. One statement, prepared once and stepped straight through SQLite for each
    /// index (`RawQuery`): cheaper than handing SQLite the indexes as one JSON array, which it
    /// parsed again for every column of every row.
    public func messageIndexUses(_ indexes: [MegolmIndex]) throws -> [MegolmIndex: MessageIndexUse] {
        var uses: [MegolmIndex: MessageIndexUse] = [:]
        guard !indexes.isEmpty else { return uses }
        uses.reserveCapacity(indexes.count)
        let statement = try indexUseStatement()
        for index in indexes where uses[index] == nil { uses[index] = try use(of: index, statement) }
        return uses
    }

    /// The record of one index and whether it lies below its session's replay floor, in one row.
    private func indexUseStatement() throws -> Statement {
        try db.cachedStatement(sql: """
            SELECT i.eventID, i.unverifiedSignature,
                   EXISTS (SELECT 1 FROM megolmReplayFloor f WHERE f.senderKey = ?1 AND f.sessionID = ?2 AND f.floorIndex > ?3)
            FROM (SELECT 1) LEFT JOIN megolmMessageIndex i ON i.senderKey = ?1 AND i.sessionID = ?2 AND i.messageIndex = ?3
            """)
    }

    private func use(of index: MegolmIndex, _ statement: Statement) throws -> MessageIndexUse {
        let arguments: [RawArgument] = [.text(index.senderKey), .text(index.sessionID), .integer(index.index)]
        return try RawQuery.first(db, statement, arguments) { row in
            Self.use(eventID: try row.optionalText(0), signature: try row.optionalBlob(1), belowFloor: try row.integer(2) != 0)
        } ?? .unused
    }

    private static func use(eventID: String?, signature: [UInt8]?, belowFloor: Bool) -> MessageIndexUse {
        if let eventID { return signature.map { .claimedBy(eventID, signature: $0) } ?? .usedBy(eventID) }
        return belowFloor ? .forgotten : .unused
    }

    /// Who used message `index` of the session: the event recorded, or, below the session's
    /// replay floor, an event no longer known.
    public func messageIndexUse(senderKey: String, sessionID: String, index: Int64) throws -> MessageIndexUse {
        try use(of: MegolmIndex(senderKey: senderKey, sessionID: sessionID, index: index), indexUseStatement())
    }

    /// How many message indexes are listed one by one.
    public func messageIndexCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM megolmMessageIndex") ?? 0
    }
}

extension UndecryptedWriter {
    /// `claimMessageIndex` for many claims, in their order: a later claim of an index claimed or
    /// used already (also earlier in `claims`) changes nothing.
    public func claimMessageIndexes(_ claims: [MessageIndexClaim], at date: Date) throws {
        guard !claims.isEmpty else { return }
        // One statement prepared once and stepped for each claim (`RawQuery`), as for the uses.
        let statement = try db.cachedStatement(sql: """
            INSERT INTO megolmMessageIndex (senderKey, sessionID, messageIndex, eventID, seenAt, unverifiedSignature)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """)
        let seenAt = RawArgument.date(date)
        for claim in claims {
            try RawQuery.execute(db, statement, [.text(claim.index.senderKey), .text(claim.index.sessionID), .integer(claim.index.index),
                                                 .text(claim.eventID), seenAt, .blob(claim.signature)])
        }
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
