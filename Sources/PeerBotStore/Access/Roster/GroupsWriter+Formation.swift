import Foundation
import GRDB

extension GroupsWriter {
    /// Replaces the active groups with a new formation.
    ///
    /// The active groups are archived (`archivedAt = date`) and the new groups, with their
    /// members, form the next generation. Every pair inside a new group is counted in the
    /// pair history. Throws `RosterStoreError.studentNotOnRoster` for an unknown member,
    /// `.studentInTwoGroups` for a member named twice and `.invalidGroupName` for an empty
    /// name or two names equal but for case; nothing is changed then.
    /// - returns: the new groups, in the order given.
    @discardableResult
    public func create(_ groups: [(name: String, members: [String])], at date: Date) throws -> [StudyGroupRecord] {
        try checkFormation(groups)
        try db.execute(sql: "UPDATE studyGroup SET archivedAt = ? WHERE archivedAt IS NULL", arguments: [date.stored])
        let generation = try Int.fetchOne(db.cachedStatement(sql: "SELECT coalesce(max(generation), 0) + 1 FROM studyGroup")) ?? 1
        var created: [StudyGroupRecord] = []
        for group in groups {
            try db.execute(
                sql: "INSERT INTO studyGroup (name, generation, createdAt) VALUES (?, ?, ?)",
                arguments: [group.name, generation, date.stored])
            let record = StudyGroupRecord(
                id: db.lastInsertedRowID, name: group.name, generation: generation, roomID: nil,
                createdAt: date, archivedAt: nil)
            for userID in group.members {
                try insertMember(groupID: record.id, userID: userID, generation: generation)
            }
            try countPairs(group.members)
            created.append(record)
        }
        return created
    }

    /// Checks the whole formation before anything is written, so errors say what is wrong.
    private func checkFormation(_ groups: [(name: String, members: [String])]) throws {
        var names: Set<String> = []
        var seen: Set<String> = []
        for group in groups {
            let key = group.name.lowercased()
            guard !group.name.isEmpty, names.insert(key).inserted else {
                throw RosterStoreError.invalidGroupName(name: group.name)
            }
            for userID in group.members {
                try store.roster.requireStudent(userID)
                guard seen.insert(userID).inserted else {
                    throw RosterStoreError.studentInTwoGroups(userID: userID)
                }
            }
        }
    }

    func insertMember(groupID: Int64, userID: String, generation: Int) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO groupMember (groupID, userID, generation) VALUES (?, ?, ?)
            """)
        try statement.execute(arguments: [groupID, userID, generation])
    }

    private func countPairs(_ members: [String]) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO groupPair (userA, userB, timesTogether) VALUES (?, ?, 1)
            ON CONFLICT (userA, userB) DO UPDATE SET timesTogether = timesTogether + 1
            """)
        // Byte order, as SQLite compares text in the CHECK (userA < userB).
        let sorted = members.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for (index, first) in sorted.enumerated() {
            for second in sorted[(index + 1)...] {
                try statement.execute(arguments: [first, second])
            }
        }
    }
}
