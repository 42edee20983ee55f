import Foundation
import GRDB

extension GroupsWriter {
    /// Records the group's room. Throws `RosterStoreError.groupNotFound` for an unknown group
    /// and `.roomUsedByAnotherGroup` if the room already belongs to another group.
    public func setRoom(groupID: Int64, roomID: String) throws {
        if let other = try find(forRoom: roomID), other.id != groupID {
            throw RosterStoreError.roomUsedByAnotherGroup(roomID: roomID, groupID: other.id)
        }
        try db.execute(sql: "UPDATE studyGroup SET roomID = ? WHERE id = ?", arguments: [roomID, groupID])
        guard db.changesCount > 0 else {
            throw RosterStoreError.groupNotFound(id: groupID)
        }
    }

    /// Records that the member joined the group's room.
    /// - returns: true the first time only; false if already recorded or if the user is
    ///   not a member (a supervisor joining, say).
    @discardableResult
    public func markMemberJoined(groupID: Int64, userID: String, at date: Date) throws -> Bool {
        try db.execute(
            sql: "UPDATE groupMember SET joinedRoomAt = ? WHERE groupID = ? AND userID = ? AND joinedRoomAt IS NULL",
            arguments: [date.stored, groupID, userID])
        return db.changesCount > 0
    }

    /// Records that the supervisor was told the member has not joined; the first report's
    /// time is kept. Throws `RosterStoreError.notAMember` if the user is not in the group.
    public func markMemberReported(groupID: Int64, userID: String, at date: Date) throws {
        try db.execute(
            sql: """
                UPDATE groupMember SET reportedMissingAt = coalesce(reportedMissingAt, ?)
                WHERE groupID = ? AND userID = ?
                """,
            arguments: [date.stored, groupID, userID])
        guard db.changesCount > 0 else {
            throw RosterStoreError.notAMember(groupID: groupID, userID: userID)
        }
    }

    /// Moves the student into another active group, or puts them in one if they are in
    /// none yet (added to the roster after the groups were formed). Their join and report
    /// times start afresh; moving into their own group changes nothing. The pair history is
    /// not touched: it counts formations, not moves.
    ///
    /// Throws `RosterStoreError.groupNotFound`, `.groupArchived` for a group of an earlier
    /// formation, and `.studentNotOnRoster`.
    public func moveStudent(_ userID: String, toGroup groupID: Int64) throws {
        let target = try requireActive(groupID)
        try store.roster.requireStudent(userID)
        if try active(ofStudent: userID)?.id == groupID {
            return
        }
        try db.execute(
            sql: "DELETE FROM groupMember WHERE userID = ? AND generation = ?",
            arguments: [userID, target.generation])
        try insertMember(groupID: groupID, userID: userID, generation: target.generation)
    }
}
