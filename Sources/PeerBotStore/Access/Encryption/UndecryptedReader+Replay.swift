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

extension UndecryptedReader {
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
        if let eventID: String = row[0] {
            let signature: Data? = row[1]
            return signature.map { .claimedBy(eventID, signature: Array($0)) } ?? .usedBy(eventID)
        }
        let belowFloor: Bool = row[2]
        return belowFloor ? .forgotten : .unused
    }

    /// How many message indexes are listed one by one.
    public func messageIndexCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM megolmMessageIndex") ?? 0
    }
}

extension UndecryptedWriter {
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
