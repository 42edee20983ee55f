import Foundation
import GRDB

extension ParticipationReader {
    /// The questions asked about the session's goals, in the order asked.
    public func questions(_ number: Int64) throws -> [QuestionRecord] {
        try QuestionRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM goalsQuestion WHERE sessionNumber = ? ORDER BY id"), arguments: [number])
    }
}

extension ParticipationWriter {
    /// Keeps a question about the goals of a session (or of the group's work, when no
    /// session is planned). The schema refuses empty text and unknown sessions or groups.
    @discardableResult
    public func addQuestion(
        sessionNumber: Int64?, groupID: Int64?, userID: String, text: String, at date: Date
    ) throws -> QuestionRecord {
        try db.execute(
            sql: "INSERT INTO goalsQuestion (sessionNumber, groupID, userID, text, at) VALUES (?, ?, ?, ?, ?)",
            arguments: [sessionNumber, groupID, userID, text, date.stored])
        return QuestionRecord(
            id: db.lastInsertedRowID, sessionNumber: sessionNumber, groupID: groupID, userID: userID, text: text, at: date)
    }
}
