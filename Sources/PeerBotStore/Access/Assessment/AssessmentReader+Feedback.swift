import Foundation
import GRDB

extension AssessmentReader {
    /// Feedback the student can see: that given to them, and that given to any group they
    /// are or were in, the oldest first.
    public func feedback(forStudent userID: String) throws -> [FeedbackRecord] {
        try FeedbackRecord.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM feedback
                WHERE userID = ? OR groupID IN (SELECT groupID FROM groupMember WHERE userID = ?)
                ORDER BY at, id
                """),
            arguments: [userID, userID])
    }

    /// Feedback given to the whole group (not to its members one by one), the oldest first.
    public func feedback(ofGroup groupID: Int64) throws -> [FeedbackRecord] {
        try FeedbackRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM feedback WHERE groupID = ? ORDER BY at, id"), arguments: [groupID])
    }
}

extension AssessmentWriter {
    /// Keeps feedback for one student or one group. Throws
    /// `AssessmentStoreError.invalidFeedbackTarget` unless exactly one of `userID` and
    /// `groupID` is given, `RosterStoreError.studentNotOnRoster` and `.groupNotFound`; the
    /// schema refuses empty text.
    @discardableResult
    public func addFeedback(userID: String?, groupID: Int64?, text: String, from: String, at date: Date) throws
        -> FeedbackRecord
    {
        guard (userID == nil) != (groupID == nil) else {
            throw AssessmentStoreError.invalidFeedbackTarget
        }
        if let userID, try !store.roster.isStudent(userID) {
            throw RosterStoreError.studentNotOnRoster(userID: userID)
        }
        if let groupID, try store.groups.find(id: groupID) == nil {
            throw RosterStoreError.groupNotFound(id: groupID)
        }
        try db.execute(
            sql: #"INSERT INTO feedback (userID, groupID, text, "from", at) VALUES (?, ?, ?, ?, ?)"#,
            arguments: [userID, groupID, text, from, date.stored])
        return FeedbackRecord(id: db.lastInsertedRowID, userID: userID, groupID: groupID, text: text, from: from, at: date)
    }
}
