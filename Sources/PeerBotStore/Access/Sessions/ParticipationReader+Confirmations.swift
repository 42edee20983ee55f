import Foundation
import GRDB

extension ParticipationReader {
    /// Every confirmation of the session's goals, oldest first, whatever goals version it
    /// was given for: only those for the session's current `goalsVersion` still count.
    public func confirmations(_ number: Int64) throws -> [ConfirmationRecord] {
        try ConfirmationRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM goalsConfirmation WHERE sessionNumber = ? ORDER BY at, userID"), arguments: [number])
    }
}

extension ParticipationWriter {
    /// Records that the student understands the goals as of `version`, replacing their
    /// earlier confirmation of this session. Throws `SessionStoreError.sessionNotFound`,
    /// `.sessionCancelled` and `RosterStoreError.studentNotOnRoster`.
    public func confirm(_ number: Int64, userID: String, version: Int, at date: Date, reactionEventID: String?) throws {
        try store.sessions.requireOpen(number)
        try store.roster.requireStudent(userID)
        try db.execute(
            sql: """
                INSERT INTO goalsConfirmation (sessionNumber, userID, goalsVersion, at, reactionEventID)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (sessionNumber, userID) DO UPDATE SET
                    goalsVersion = excluded.goalsVersion, at = excluded.at, reactionEventID = excluded.reactionEventID
                """,
            arguments: [number, userID, version, date.stored, reactionEventID])
    }

    /// Removes the confirmation given by this ✅ reaction, now redacted.
    /// - returns: the confirmation removed; nil if none was given by this reaction (it was
    ///   replaced since, say).
    @discardableResult
    public func withdrawConfirmation(reactionEventID: String) throws -> ConfirmationRecord? {
        guard let record = try ConfirmationRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM goalsConfirmation WHERE reactionEventID = ?"), arguments: [reactionEventID])
        else {
            return nil
        }
        try db.execute(sql: "DELETE FROM goalsConfirmation WHERE reactionEventID = ?", arguments: [reactionEventID])
        return record
    }
}
