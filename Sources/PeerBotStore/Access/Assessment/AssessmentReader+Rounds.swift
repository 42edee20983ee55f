import Foundation
import GRDB

extension AssessmentReader {
    /// The round with this id, open or closed.
    public func round(id: Int64) throws -> AssessmentRoundRecord? {
        try AssessmentRoundRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM assessmentRound WHERE id = ?"), arguments: [id])
    }

    /// The group's round that is not closed yet; a group has at most one.
    public func openRound(ofGroup groupID: Int64) throws -> AssessmentRoundRecord? {
        try AssessmentRoundRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM assessmentRound WHERE groupID = ? AND closedAt IS NULL"), arguments: [groupID])
    }

    /// Every round not closed yet, earliest deadline first.
    public func openRounds() throws -> [AssessmentRoundRecord] {
        try AssessmentRoundRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM assessmentRound WHERE closedAt IS NULL ORDER BY deadline, id"))
    }

    /// The group's most recently started round, open or closed.
    public func latestRound(ofGroup groupID: Int64) throws -> AssessmentRoundRecord? {
        try AssessmentRoundRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM assessmentRound WHERE groupID = ? ORDER BY startedAt DESC, id DESC LIMIT 1"),
            arguments: [groupID])
    }

    /// All the group's rounds, the earliest first.
    public func rounds(ofGroup groupID: Int64) throws -> [AssessmentRoundRecord] {
        try AssessmentRoundRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM assessmentRound WHERE groupID = ? ORDER BY startedAt, id"), arguments: [groupID])
    }

    /// An open round in which the student still has someone to rate: where a reply of
    /// theirs in the direct room belongs. The earliest such round if there are several.
    public func openRound(forRater userID: String) throws -> AssessmentRoundRecord? {
        try AssessmentRoundRecord.fetchOne(db.cachedStatement(sql: """
                SELECT * FROM assessmentRound
                WHERE closedAt IS NULL AND id IN (
                    SELECT roundID FROM assessmentAssignment WHERE rater = ? AND answeredAt IS NULL)
                ORDER BY startedAt, id LIMIT 1
                """),
            arguments: [userID])
    }
}

extension AssessmentWriter {
    /// Starts a round for the group: each rater gets the subjects `subjects(rater)` returns,
    /// in that order, to rate one after another.
    ///
    /// Throws `AssessmentStoreError.roundAlreadyOpen` if the group has a round not closed,
    /// `RosterStoreError.groupNotFound`, `.groupArchived` and `.studentNotOnRoster` for a
    /// rater or subject. The schema refuses a deadline before the start and a subject
    /// listed twice for one rater.
    @discardableResult
    public func startRound(
        groupID: Int64, raters: [String], subjects: (String) -> [String], selfAssessment: Bool,
        startedBy: String, at date: Date, deadline: Date
    ) throws -> AssessmentRoundRecord {
        try store.groups.requireActive(groupID)
        if let open = try openRound(ofGroup: groupID) {
            throw AssessmentStoreError.roundAlreadyOpen(groupID: groupID, roundID: open.id)
        }
        try db.execute(
            sql: """
                INSERT INTO assessmentRound (groupID, startedAt, deadline, startedBy, selfAssessment)
                VALUES (?, ?, ?, ?, ?)
                """,
            arguments: [groupID, date.stored, deadline.stored, startedBy, selfAssessment])
        let round = AssessmentRoundRecord(
            id: db.lastInsertedRowID, groupID: groupID, startedAt: date, deadline: deadline, startedBy: startedBy,
            selfAssessment: selfAssessment)
        for rater in raters {
            try insertAssignments(round: round.id, rater: rater, subjects: subjects(rater))
        }
        return round
    }

    /// Records that the reminder went out; a later call keeps the first time.
    /// Throws `AssessmentStoreError.roundNotFound`.
    public func markReminded(round id: Int64, at date: Date) throws {
        try requireRound(id)
        try db.execute(
            sql: "UPDATE assessmentRound SET remindedAt = ? WHERE id = ? AND remindedAt IS NULL",
            arguments: [date.stored, id])
    }

    /// Records the result and closes the round; a later call keeps the first result.
    /// Throws `AssessmentStoreError.roundNotFound` and `StoreError.outboxItemNotFound`.
    public func closeRound(_ id: Int64, resultOutboxID: Int64?, at date: Date) throws {
        guard try requireRound(id).isOpen else {
            return
        }
        if let resultOutboxID, try store.outbox.item(id: resultOutboxID) == nil {
            throw StoreError.outboxItemNotFound(id: resultOutboxID)
        }
        try db.execute(
            sql: "UPDATE assessmentRound SET closedAt = ?, resultOutboxID = ? WHERE id = ?",
            arguments: [date.stored, resultOutboxID, id])
    }

    @discardableResult
    func requireRound(_ id: Int64) throws -> AssessmentRoundRecord {
        guard let round = try round(id: id) else {
            throw AssessmentStoreError.roundNotFound(id: id)
        }
        return round
    }

    private func insertAssignments(round: Int64, rater: String, subjects: [String]) throws {
        for userID in [rater] + subjects where try !store.roster.isStudent(userID) {
            throw RosterStoreError.studentNotOnRoster(userID: userID)
        }
        let statement = try db.cachedStatement(
            sql: "INSERT INTO assessmentAssignment (roundID, rater, subject, position) VALUES (?, ?, ?, ?)")
        for (offset, subject) in subjects.enumerated() {
            try statement.execute(arguments: [round, rater, subject, offset + 1])
        }
    }
}
