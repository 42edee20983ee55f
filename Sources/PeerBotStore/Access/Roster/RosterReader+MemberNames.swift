import Foundation
import GRDB

/// A display name a room member gave themselves.
public struct MemberName: Equatable, Sendable {
    public let userID: String
    public let displayName: String
}

extension RosterReader {
    /// Every distinct (user, display name) pair seen in the bot's rooms, by user id.
    public func memberNames() throws -> [MemberName] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT userID, displayName FROM memberName ORDER BY userID, displayName"))
            .map { MemberName(userID: $0["userID"], displayName: $0["displayName"]) }
    }
}

extension RosterWriter {
    /// The longest display name kept; a longer one is no name anyone would type.
    public static let longestMemberName = 255

    /// Remembers the display name `userID` has in `roomID`, or forgets it (`nil`, blank or too
    /// long: they left, were banned, or cleared or abused their name).
    public func setMemberName(roomID: String, userID: String, displayName: String?) throws {
        let name = displayName?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !name.isEmpty, name.count <= Self.longestMemberName else {
            try db.execute(sql: "DELETE FROM memberName WHERE roomID = ? AND userID = ?", arguments: [roomID, userID])
            return
        }
        try db.execute(sql: """
            INSERT INTO memberName (roomID, userID, displayName) VALUES (?, ?, ?)
            ON CONFLICT(roomID, userID) DO UPDATE SET displayName = excluded.displayName
            """, arguments: [roomID, userID, name])
    }
}
