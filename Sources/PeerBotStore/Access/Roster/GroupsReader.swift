import Foundation
import GRDB

extension GroupsReader {
    /// The groups of the current formation, by name.
    public func active() throws -> [StudyGroupRecord] {
        try StudyGroupRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM studyGroup WHERE archivedAt IS NULL ORDER BY lower(name), name"))
    }

    /// Every group, earlier formations first, then by name.
    public func all() throws -> [StudyGroupRecord] {
        try StudyGroupRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM studyGroup ORDER BY generation, lower(name), name"))
    }

    /// Every group the student has been in, earlier formations first (their current one last).
    public func all(ofStudent userID: String) throws -> [StudyGroupRecord] {
        try StudyGroupRecord.fetchAll(db.cachedStatement(sql: """
            SELECT studyGroup.* FROM studyGroup JOIN groupMember ON groupMember.groupID = studyGroup.id
            WHERE groupMember.userID = ? ORDER BY studyGroup.generation, studyGroup.id
            """), arguments: [userID])
    }

    /// The group with this id, active or archived.
    public func find(id: Int64) throws -> StudyGroupRecord? {
        try StudyGroupRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM studyGroup WHERE id = ?"), arguments: [id])
    }

    /// The group with this id when it is active; throws `groupNotFound` or `groupArchived` otherwise.
    @discardableResult
    func requireActive(_ id: Int64) throws -> StudyGroupRecord {
        guard let group = try find(id: id) else { throw RosterStoreError.groupNotFound(id: id) }
        guard group.isActive else { throw RosterStoreError.groupArchived(id: id) }
        return group
    }

    /// The active group with this name, ignoring case (`a` finds `A`, `æ` finds `Æ`).
    public func active(named name: String) throws -> StudyGroupRecord? {
        // Compared here rather than with SQLite's lower(), which folds ASCII letters only;
        // a formation has a handful of groups.
        let wanted = name.lowercased()
        return try active().first { $0.name.lowercased() == wanted }
    }

    /// The active group the student is in, if any. Asked for every `!reflect`, hence the cached statement.
    public func active(ofStudent userID: String) throws -> StudyGroupRecord? {
        // Read by every command a student sends (their group decides where it applies).
        try RawQuery.first(db, """
            SELECT \(StudyGroupRecord.rawColumns) FROM studyGroup
            JOIN groupMember ON groupMember.groupID = studyGroup.id
            WHERE groupMember.userID = ? AND studyGroup.archivedAt IS NULL
            """, [.text(userID)], read: StudyGroupRecord.init(raw:))
    }

    /// The group, of any formation, whose room this is.
    public func find(forRoom roomID: String) throws -> StudyGroupRecord? {
        // Asked for the messages of every group room of a batch, hence read raw.
        try RawQuery.first(db, "SELECT \(StudyGroupRecord.rawColumns) FROM studyGroup WHERE roomID = ?", [.text(roomID)],
                           read: StudyGroupRecord.init(raw:))
    }

    /// The group's members, in roster order.
    public func members(ofGroup groupID: Int64) throws -> [GroupMemberRecord] {
        try GroupMemberRecord.fetchAll(db.cachedStatement(sql: """
                SELECT groupMember.* FROM groupMember
                JOIN student ON student.userID = groupMember.userID
                WHERE groupMember.groupID = ?
                ORDER BY student.position
                """),
            arguments: [groupID])
    }

    /// Every pair of students that were put in the same group, each pair once with the
    /// lower user id first, and how many formations put them together.
    public func pairCounts() throws -> [(String, String, Int)] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT userA, userB, timesTogether FROM groupPair ORDER BY userA, userB"))
            .map { ($0[0], $0[1], $0[2]) }
    }
}
