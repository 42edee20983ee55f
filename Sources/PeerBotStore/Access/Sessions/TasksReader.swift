import Foundation
import GRDB

extension TasksReader {
    /// The task with this id, open or done.
    public func find(id: Int64) throws -> TaskRecord? {
        try TaskRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM task WHERE id = ?"), arguments: [id])
    }

    /// All the group's tasks, the group's own and its members', open or done, by id.
    public func all(ofGroup groupID: Int64) throws -> [TaskRecord] {
        try TaskRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM task WHERE groupID = ? ORDER BY id"), arguments: [groupID])
    }

    /// The open tasks assigned to this student by name (not those of their group), by id.
    public func open(assignee userID: String) throws -> [TaskRecord] {
        try TaskRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM task WHERE assignee = ? AND doneAt IS NULL ORDER BY id"), arguments: [userID])
    }

    /// The tasks agreed around the session, open or done, by id.
    public func all(session number: Int64) throws -> [TaskRecord] {
        try TaskRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM task WHERE sessionNumber = ? ORDER BY id"), arguments: [number])
    }
}

extension TasksWriter {
    /// Adds a task for a member of an active group, or for the whole group when `assignee`
    /// is nil. Throws `RosterStoreError.groupNotFound`, `.groupArchived`, `.notAMember`,
    /// `SessionStoreError.sessionNotFound` and `TaskStoreError.sessionOfAnotherGroup`;
    /// the schema refuses empty text.
    @discardableResult
    public func add(
        groupID: Int64, assignee: String?, text: String, due: String?, sessionNumber: Int64?,
        createdBy: String, at date: Date
    ) throws -> TaskRecord {
        try requireTaskTarget(groupID: groupID, assignee: assignee, sessionNumber: sessionNumber)
        try db.execute(
            sql: """
                INSERT INTO task (groupID, assignee, text, due, sessionNumber, createdBy, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [groupID, assignee, text, due, sessionNumber, createdBy, date.stored])
        return TaskRecord(
            id: db.lastInsertedRowID, groupID: groupID, assignee: assignee, text: text, due: due,
            sessionNumber: sessionNumber, createdBy: createdBy, createdAt: date)
    }

    /// Marks the task done; closing it again keeps who closed it first and when.
    /// Throws `TaskStoreError.taskNotFound`.
    public func close(id: Int64, by userID: String, at date: Date) throws {
        try db.execute(
            sql: "UPDATE task SET doneAt = ?, doneBy = ? WHERE id = ? AND doneAt IS NULL",
            arguments: [date.stored, userID, id])
        if db.changesCount == 0, try find(id: id) == nil {
            throw TaskStoreError.taskNotFound(id: id)
        }
    }

    private func requireTaskTarget(groupID: Int64, assignee: String?, sessionNumber: Int64?) throws {
        try store.groups.requireActive(groupID)
        // The group is active here, so membership of it is the student's one active group.
        if let assignee, try store.groups.active(ofStudent: assignee)?.id != groupID {
            throw RosterStoreError.notAMember(groupID: groupID, userID: assignee)
        }
        if let sessionNumber {
            guard let session = try store.sessions.find(number: sessionNumber) else {
                throw SessionStoreError.sessionNotFound(number: sessionNumber)
            }
            guard session.groupID == groupID else {
                throw TaskStoreError.sessionOfAnotherGroup(sessionNumber: sessionNumber, groupID: groupID)
            }
        }
    }
}
