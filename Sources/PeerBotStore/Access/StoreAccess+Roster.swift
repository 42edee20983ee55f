import Foundation
import GRDB

extension StoreReader {
    /// The roster, in roster order.
    public func students() throws -> [StudentRecord] {
        try StudentRecord.fetchAll(db, sql: "SELECT * FROM student ORDER BY position")
    }

    /// The student with this user id, if on the roster.
    public func student(userID: String) throws -> StudentRecord? {
        try StudentRecord.fetchOne(db, sql: "SELECT * FROM student WHERE userID = ?", arguments: [userID])
    }

    /// Whether the user is on the roster. Asked for every command, hence the cached statement.
    public func isStudent(_ userID: String) throws -> Bool {
        let statement = try db.cachedStatement(sql: "SELECT 1 FROM student WHERE userID = ?")
        return try Int.fetchOne(statement, arguments: [userID]) != nil
    }

    /// Throws `studentNotOnRoster` unless `userID` is on the roster.
    func requireStudent(_ userID: String) throws {
        guard try isStudent(userID) else { throw RosterStoreError.studentNotOnRoster(userID: userID) }
    }
}

extension StoreWriter {
    /// Adds the student at the end of the roster, or updates their name and attributes.
    /// - returns: true if the student was added, false if they were already on the roster
    ///   (their place in the roster is kept).
    @discardableResult
    public func upsertStudent(userID: String, name: String, attributes: [String: [String]], at date: Date) throws -> Bool {
        let json = try StudentRecord.attributesJSON(attributes)
        try db.execute(
            sql: "UPDATE student SET name = ?, attributes = ?, updatedAt = ? WHERE userID = ?",
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

    /// Takes the student off the roster and out of every group (the schema cascades).
    /// The pair history is kept. Returns false if they were not on the roster.
    @discardableResult
    public func removeStudent(userID: String) throws -> Bool {
        try db.execute(sql: "DELETE FROM student WHERE userID = ?", arguments: [userID])
        guard db.changesCount > 0 else { return false }
        try noteErasure()
        return true
    }
}
