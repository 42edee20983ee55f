import Foundation
import GRDB

/// What a room the bot manages is for.
public enum RoomKind: String, Codable, Sendable, CaseIterable {
    case supervisor, group, direct, invited
}

/// A room the bot manages: its kind, language and whom or which group it serves.
public struct RoomRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord, StoredDates {
    public static let databaseTableName = "room"

    public var roomID: String
    public var kind: RoomKind
    /// The room's reply language (`da`, `en`); nil means the configured default.
    public var language: String?
    /// The group a group room belongs to; nil for every other kind.
    public var groupName: String?
    /// The student or supervisor of a direct room (required there); for an invited
    /// room, optionally who invited the bot.
    public var userID: String?
    public var joinedAt: Date?

    public init(
        roomID: String,
        kind: RoomKind,
        language: String? = nil,
        groupName: String? = nil,
        userID: String? = nil,
        joinedAt: Date? = nil
    ) {
        self.roomID = roomID
        self.kind = kind
        self.language = language
        self.groupName = groupName
        self.userID = userID
        self.joinedAt = joinedAt
    }

    // By hand, not through `Decodable`: a command's batch reads rooms often, and the decoder
    // cost several times the query.
    public init(row: Row) throws {
        self.init(roomID: try row.decode(forColumn: "roomID"), kind: try Self.kind(named: row.decode(forColumn: "kind")),
                  language: try row.decode(forColumn: "language"), groupName: try row.decode(forColumn: "groupName"), userID: try row.decode(forColumn: "userID"),
                  joinedAt: try row.optionalStoredDate("joinedAt"))
    }

    /// The stored kind; an unknown one is a store fault.
    private static func kind(named name: String) throws -> RoomKind {
        guard let kind = RoomKind(rawValue: name) else {
            throw DatabaseError(resultCode: .SQLITE_MISMATCH, message: "unknown room kind \(name)")
        }
        return kind
    }

    /// The columns `init(raw:)` reads, in its order.
    static let rawColumns = "roomID, kind, language, groupName, userID, joinedAt"

    /// A row of `rawColumns`, read by `RawQuery`.
    init(raw row: RawRow) throws {
        self.init(roomID: try row.text(0), kind: try Self.kind(named: row.text(1)), language: try row.optionalText(2),
                  groupName: try row.optionalText(3), userID: try row.optionalText(4), joinedAt: try row.optionalDate(5))
    }
}
