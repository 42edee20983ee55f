import Foundation
import GRDB

extension AssessmentReader {
    /// Every rater's task list in the round: by rater, then in the order they are asked.
    public func assignments(round id: Int64) throws -> [AssessmentAssignmentRecord] {
        try AssessmentAssignmentRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM assessmentAssignment WHERE roundID = ? ORDER BY rater, position"),
            arguments: [id])
    }

    /// One rater's task list in the round, in the order they are asked.
    public func assignments(round id: Int64, rater: String) throws -> [AssessmentAssignmentRecord] {
        try AssessmentAssignmentRecord.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM assessmentAssignment WHERE roundID = ? AND rater = ? ORDER BY position"),
            arguments: [id, rater])
    }

    /// The subject the rater is to rate next: the first one not answered. Nil when they
    /// have rated everyone (or have no one to rate).
    public func currentAssignment(round id: Int64, rater: String) throws -> AssessmentAssignmentRecord? {
        try AssessmentAssignmentRecord.fetchOne(db.cachedStatement(sql: """
                SELECT * FROM assessmentAssignment
                WHERE roundID = ? AND rater = ? AND answeredAt IS NULL
                ORDER BY position LIMIT 1
                """),
            arguments: [id, rater])
    }

    /// The ratings given in the round, by rater, then subject.
    public func ratings(round id: Int64) throws -> [RatingRecord] {
        try RatingRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM rating WHERE roundID = ? ORDER BY rater, subject"), arguments: [id])
    }

    /// The subjects one rater has a rating of in the round.
    public func ratedSubjects(round id: Int64, rater: String) throws -> Set<String> {
        Set(try String.fetchAll(db.cachedStatement(sql: "SELECT subject FROM rating WHERE roundID = ? AND rater = ?"), arguments: [id, rater]))
    }
}

extension AssessmentWriter {
    /// Records that the request to rate `subject` was sent; a later call keeps the first time.
    /// Throws `AssessmentStoreError.notAssigned`.
    public func markRequested(round id: Int64, rater: String, subject: String, at date: Date) throws {
        try stampAssignment("requestedAt", round: id, rater: rater, subject: subject, at: date)
    }

    /// Sets the assignment's `column` (a time) unless it is set already. Throws
    /// `AssessmentStoreError.notAssigned` when the rater has no such assignment.
    private func stampAssignment(_ column: String, round id: Int64, rater: String, subject: String, at date: Date) throws {
        try db.execute(
            sql: "UPDATE assessmentAssignment SET \(column) = coalesce(\(column), ?) WHERE roundID = ? AND rater = ? AND subject = ?",
            arguments: [date.stored, id, rater, subject])
        guard db.changesCount > 0 else {
            throw AssessmentStoreError.notAssigned(roundID: id, rater: rater, subject: subject)
        }
    }

    /// Keeps the rater's marks and comment for the subject, replacing an earlier rating of the
    /// same pair (the comment too, and it is no longer released), and marks the assignment
    /// answered. Throws `AssessmentStoreError.invalidMarks`, `.roundNotFound`, `.roundClosed`
    /// and `.notAssigned`. An empty comment is kept as none.
    public func saveRating(
        round id: Int64, rater: String, subject: String, marks: [Int], comment: String?, at date: Date
    ) throws {
        guard RatingRecord.areValid(marks) else {
            throw AssessmentStoreError.invalidMarks(marks)
        }
        guard try requireRound(id).isOpen else {
            throw AssessmentStoreError.roundClosed(id: id)
        }
        try stampAssignment("answeredAt", round: id, rater: rater, subject: subject, at: date)
        var values: [(any DatabaseValueConvertible)?] = [id, rater, subject]
        values += marks.map { $0 }
        values += [comment?.isEmpty == false ? comment : nil, date.stored]
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO rating (roundID, rater, subject, m1, m2, m3, m4, m5, comment, at, commentReleased)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                """,
            arguments: StatementArguments(values))
    }

    /// Lets the subject see the rating's comment (without the rater's name). A rating
    /// without a comment stays as it is. Throws `AssessmentStoreError.ratingNotFound`.
    public func releaseComment(round id: Int64, rater: String, subject: String) throws {
        let exists = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM rating WHERE roundID = ? AND rater = ? AND subject = ?"),
            arguments: [id, rater, subject]) ?? false
        guard exists else {
            throw AssessmentStoreError.ratingNotFound(roundID: id, rater: rater, subject: subject)
        }
        try db.execute(
            sql: """
                UPDATE rating SET commentReleased = 1
                WHERE roundID = ? AND rater = ? AND subject = ? AND comment IS NOT NULL
                """,
            arguments: [id, rater, subject])
    }
}
