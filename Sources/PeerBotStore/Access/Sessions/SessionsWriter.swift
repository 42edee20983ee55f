import Foundation
import GRDB
import PeerLearning

extension SessionsWriter {
    /// Plans a session for an active group under `number` (from `nextNumber()`, decided before),
    /// or, left out, under the next number never used before.
    /// Throws `RosterStoreError.groupNotFound` or `.groupArchived`; the schema refuses an
    /// empty title, a duration that is not positive or a number already used.
    @discardableResult
    public func plan(
        _ number: Int64? = nil, groupID: Int64, title: String, startsAt: Date, durationSeconds: Int, plannedBy: String, at date: Date
    ) throws -> SessionRecord {
        try store.groups.requireActive(groupID)
        try db.execute(
            sql: """
                INSERT INTO session (number, groupID, title, startsAt, durationSeconds, plannedAt, plannedBy)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [number, groupID, title, startsAt.stored, durationSeconds, date.stored, plannedBy])
        let number = db.lastInsertedRowID
        guard let record = try find(number: number) else {
            throw SessionStoreError.sessionNotFound(number: number)
        }
        return record
    }

    /// Adds a goal or an expected outcome after the others, and bumps the goals version.
    public func addItem(_ number: Int64, kind: SessionItemKind, text: String) throws {
        try updateOpenSession(number, sql: "UPDATE session SET goalsVersion = goalsVersion + 1", arguments: [])
        try db.execute(
            sql: "INSERT INTO sessionItem (sessionNumber, kind, text) VALUES (?, ?, ?)",
            arguments: [number, kind.rawValue, text])
    }

    /// Sets (or replaces) the activity and its brief, and bumps the goals version.
    public func setActivity(_ number: Int64, kind: ActivityKind, brief: String) throws {
        try updateOpenSession(
            number, sql: "UPDATE session SET activity = ?, activityBrief = ?, goalsVersion = goalsVersion + 1",
            arguments: [kind.rawValue, brief])
    }

    /// Records that the session's goals, outcomes or activity changed at `date`; only the
    /// first time counts, since a goals message not yet posted waits from the first one.
    public func noteGoalsContent(_ number: Int64, at date: Date) throws {
        try updateSession(number, sql: "UPDATE session SET goalsContentAt = COALESCE(goalsContentAt, ?)", arguments: [date.stored])
    }

    /// Reschedules the session. Its moments are scheduled afresh and its facilitator is
    /// chosen again at the new start.
    /// `date`, when it was moved, counts as when it was planned: moved to start within the goal
    /// lead time, its goals message waits for content as a session planned at short notice does.
    public func move(_ number: Int64, to startsAt: Date, at date: Date) throws {
        try updateOpenSession(
            number, sql: "UPDATE session SET startsAt = ?, plannedAt = ?, jobsFinishedAt = NULL, facilitator = NULL",
            arguments: [startsAt.stored, date.stored])
    }

    /// Cancels the session; it keeps its number, which is not used again.
    public func cancel(_ number: Int64, at date: Date) throws {
        try updateOpenSession(number, sql: "UPDATE session SET cancelledAt = ?", arguments: [date.stored])
    }

    /// Records the outbox row that posts (or posted) the goals message, and the goals
    /// version it shows. Throws `StoreError.outboxItemNotFound` for an unknown row; the row
    /// already recorded is known even once pruned.
    public func setGoalsMessage(_ number: Int64, outboxID: Int64, version: Int) throws {
        let known = try find(number: number)?.goalsOutboxID == outboxID
        guard try known || store.outbox.item(id: outboxID) != nil else {
            throw StoreError.outboxItemNotFound(id: outboxID)
        }
        // The same row keeps its event id; a new one brings its own if already sent, otherwise
        // the sender records it.
        try updateSession(
            number, sql: """
                UPDATE session SET goalsOutboxID = ?, goalsPostedVersion = ?,
                    goalsEventID = CASE WHEN goalsOutboxID IS ? THEN goalsEventID
                                        ELSE (SELECT eventID FROM outbox WHERE id = ?) END
                """, arguments: [outboxID, version, outboxID, outboxID])
    }

    /// Records who facilitates, decided at the start: a user id or "supervisor".
    public func freezeFacilitator(_ number: Int64, _ facilitator: String) throws {
        try updateSession(number, sql: "UPDATE session SET facilitator = ?", arguments: [facilitator])
    }

    /// A supervisor's choice of facilitator for this session (a user id or "supervisor"),
    /// or nil to leave it to the rotation.
    public func setFacilitatorOverride(_ number: Int64, _ facilitator: String?) throws {
        try updateOpenSession(number, sql: "UPDATE session SET facilitatorOverride = ?", arguments: [facilitator])
    }

    /// Records that every scheduled moment of the session has run or was skipped.
    public func finishJobs(_ number: Int64, at date: Date) throws {
        try updateSession(number, sql: "UPDATE session SET jobsFinishedAt = ?", arguments: [date.stored])
    }

    /// Runs `sql` (an UPDATE of the session table without WHERE) for this session unless it
    /// was cancelled. Throws `SessionStoreError.sessionNotFound` or `.sessionCancelled`.
    private func updateOpenSession(_ number: Int64, sql: String, arguments: StatementArguments) throws {
        try db.execute(sql: sql + " WHERE number = ? AND cancelledAt IS NULL", arguments: arguments + [number])
        if db.changesCount == 0 {
            try requireOpen(number)
        }
    }

    /// Runs `sql` (an UPDATE of the session table without WHERE) for this session, even a
    /// cancelled one. Throws `SessionStoreError.sessionNotFound`.
    private func updateSession(_ number: Int64, sql: String, arguments: StatementArguments) throws {
        try db.execute(sql: sql + " WHERE number = ?", arguments: arguments + [number])
        if db.changesCount == 0 {
            throw SessionStoreError.sessionNotFound(number: number)
        }
    }

    /// Throws `SessionStoreError.sessionNotFound` or `.sessionCancelled` unless the session
    /// exists and is not cancelled.
    func requireOpen(_ number: Int64) throws {
        guard let session = try find(number: number) else {
            throw SessionStoreError.sessionNotFound(number: number)
        }
        if session.isCancelled {
            throw SessionStoreError.sessionCancelled(number: number)
        }
    }
}
