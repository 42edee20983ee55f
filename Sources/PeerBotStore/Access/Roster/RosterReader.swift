import Foundation
import GRDB

extension RosterReader {
    /// The roster, in roster order; removed students are left out.
    public func all() throws -> [StudentRecord] {
        try StudentRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM student WHERE removedAt IS NULL ORDER BY position"))
    }

    /// The student with this user id, if on the roster.
    public func find(userID: String) throws -> StudentRecord? {
        try StudentRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM student WHERE userID = ? AND removedAt IS NULL"), arguments: [userID])
    }

    /// The student with this user id whether on the roster or removed from it (their record is kept).
    public func record(userID: String) throws -> StudentRecord? {
        try StudentRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM student WHERE userID = ?"), arguments: [userID])
    }

    /// Whether the user is on the roster. Asked for every command, hence the cached statement.
    public func isStudent(_ userID: String) throws -> Bool {
        // Asked for the sender of every command.
        try RawQuery.exists(db, "SELECT 1 FROM student WHERE userID = ? AND removedAt IS NULL", [.text(userID)])
    }

    /// Throws `studentNotOnRoster` unless `userID` has a roster record (current or removed):
    /// the rows written about a student need it. Who may act is the caller's check (`isStudent`).
    func requireStudent(_ userID: String) throws {
        let statement = try db.cachedStatement(sql: "SELECT 1 FROM student WHERE userID = ?")
        guard try Int.fetchOne(statement, arguments: [userID]) != nil else { throw RosterStoreError.studentNotOnRoster(userID: userID) }
    }
}

extension RosterWriter {
    /// Adds the student at the end of the roster, or updates their name and attributes.
    /// - returns: true if the student was added, false if they were already on the roster
    ///   (their place in the roster is kept).
    @discardableResult
    public func upsert(userID: String, name: String, attributes: [String: [String]], at date: Date) throws -> Bool {
        let json = try StudentRecord.attributesJSON(attributes)
        try db.execute(
            sql: "UPDATE student SET name = ?, attributes = ?, updatedAt = ?, removedAt = NULL WHERE userID = ?",
            arguments: [name, json, date.stored, userID])
        if db.changesCount > 0 {
            return false
        }
        try db.execute(
            sql: """
                INSERT INTO student (userID, name, attributes, position, addedAt, updatedAt)
                VALUES (?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM student), ?, ?)
                """,
            arguments: [userID, name, json, date.stored, date.stored])
        return true
    }

    /// Takes the student off the roster, out of their active group and off the facilitator
    /// list. What they wrote and were rated stays as an archived record, so closed rounds'
    /// scores and past summaries do not change; `forget` erases it. Returns false if they
    /// were not on the roster.
    @discardableResult
    public func remove(userID: String, at date: Date = Date()) throws -> Bool {
        try db.execute(sql: "UPDATE student SET removedAt = ? WHERE userID = ? AND removedAt IS NULL",
                       arguments: [date.stored, userID])
        guard db.changesCount > 0 else { return false }
        try db.execute(sql: """
            DELETE FROM groupMember WHERE userID = ?
            AND groupID IN (SELECT id FROM studyGroup WHERE archivedAt IS NULL)
            """, arguments: [userID])
        try db.execute(sql: "DELETE FROM facilitatorReadiness WHERE userID = ?", arguments: [userID])
        return true
    }
}
