import Foundation
import GRDB

extension ReflectionsReader {
    /// The session's reflection round, once its prompt was recorded.
    public func round(session number: Int64) throws -> ReflectionRoundRecord? {
        try ReflectionRoundRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM reflectionRound WHERE sessionNumber = ?"), arguments: [number])
    }

    /// The round whose prompt (the thread root) is the event with this id, once the sender has
    /// recorded it; the link is on the round, so it outlives the outbox row.
    public func round(forPromptEventID eventID: String) throws -> ReflectionRoundRecord? {
        try ReflectionRoundRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM reflectionRound WHERE promptEventID = ?"), arguments: [eventID])
    }

    /// Rounds not yet summarized, earliest deadline first.
    public func openRounds() throws -> [ReflectionRoundRecord] {
        // The literal condition lets SQLite use the partial index reflectionRound_open.
        try ReflectionRoundRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM reflectionRound WHERE summarizedAt IS NULL ORDER BY deadline, sessionNumber"))
    }

    /// The group's most recently prompted round: what `!reflect` and direct-room messages
    /// reflect on.
    public func latestRound(ofGroup groupID: Int64) throws -> ReflectionRoundRecord? {
        try RawQuery.first(db, Self.latestRoundSQL, [.integer(groupID)], read: ReflectionRoundRecord.init(raw:))
    }

    /// The last prompted of the group's rounds, of two prompted at once the later session's. The
    /// group's rounds are found through its sessions, so no index can give them in prompt order;
    /// two maxima over them (the latest prompt, then the highest session number prompted then)
    /// need no sort, where `ORDER BY promptedAt DESC, sessionNumber DESC LIMIT 1` sorted them
    /// all in a temporary B-tree.
    static let latestRoundSQL = """
        SELECT \(ReflectionRoundRecord.rawColumns) FROM reflectionRound WHERE sessionNumber = (
            SELECT max(reflectionRound.sessionNumber) FROM reflectionRound
            JOIN session ON session.number = reflectionRound.sessionNumber
            WHERE session.groupID = ?1 AND reflectionRound.promptedAt = (
                SELECT max(reflectionRound.promptedAt) FROM reflectionRound
                JOIN session ON session.number = reflectionRound.sessionNumber
                WHERE session.groupID = ?1))
        """
}

extension ReflectionsWriter {
    /// Records the session's reflection prompt and its deadline. A session has one round:
    /// a second call changes nothing. Throws `SessionStoreError.sessionNotFound` and
    /// `StoreError.outboxItemNotFound`; the schema refuses a deadline before the prompt.
    public func openRound(session number: Int64, promptOutboxID: Int64?, at date: Date, deadline: Date) throws {
        // Checked first: a repeated call must not fail because the prompt's outbox row was pruned since.
        guard try round(session: number) == nil else {
            return
        }
        guard try store.sessions.find(number: number) != nil else {
            throw SessionStoreError.sessionNotFound(number: number)
        }
        try requireOutboxItem(promptOutboxID)
        try db.execute(
            sql: """
                INSERT INTO reflectionRound (sessionNumber, promptOutboxID, promptEventID, promptedAt, deadline)
                VALUES (?, ?, (SELECT eventID FROM outbox WHERE id = ?), ?, ?)
                """,
            arguments: [number, promptOutboxID, promptOutboxID, date.stored, deadline.stored])
    }

    /// Records that the reminder went out; a later call keeps the first time.
    /// Throws `ReflectionStoreError.roundNotFound`.
    public func markReminded(session number: Int64, at date: Date) throws {
        try requireRound(number)
        try db.execute(
            sql: "UPDATE reflectionRound SET remindedAt = ? WHERE sessionNumber = ? AND remindedAt IS NULL",
            arguments: [date.stored, number])
    }

    /// Records the summary and closes the round; a later call keeps the first summary.
    /// Throws `ReflectionStoreError.roundNotFound` and `StoreError.outboxItemNotFound`.
    public func markSummarized(session number: Int64, outboxID: Int64?, at date: Date) throws {
        guard try requireRound(number).summarizedAt == nil else {
            return
        }
        try requireOutboxItem(outboxID)
        try db.execute(
            sql: "UPDATE reflectionRound SET summaryOutboxID = ?, summarizedAt = ? WHERE sessionNumber = ?",
            arguments: [outboxID, date.stored, number])
    }

    @discardableResult
    private func requireRound(_ number: Int64) throws -> ReflectionRoundRecord {
        guard let round = try round(session: number) else {
            throw ReflectionStoreError.roundNotFound(sessionNumber: number)
        }
        return round
    }

    private func requireOutboxItem(_ id: Int64?) throws {
        if let id, try store.outbox.item(id: id) == nil {
            throw StoreError.outboxItemNotFound(id: id)
        }
    }
}
