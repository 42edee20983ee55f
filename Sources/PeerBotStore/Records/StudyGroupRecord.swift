import Foundation
import GRDB

/// One group of one formation ("generation"); the active groups are those not archived.
public struct StudyGroupRecord: Codable, Sendable, Equatable, FetchableRecord, StoredDates {
    public static let databaseTableName = "studyGroup"

    public var id: Int64
    public var name: String
    /// Which formation the group belongs to; each `GroupsWriter.create(_:at:)` starts a new one.
    public var generation: Int
    /// The group's Matrix room, once created.
    public var roomID: String?
    public var createdAt: Date
    /// When a later formation replaced this group; nil while it is active.
    public var archivedAt: Date?

    public init(
        id: Int64, name: String, generation: Int, roomID: String?, createdAt: Date, archivedAt: Date?
    ) {
        self.id = id
        self.name = name
        self.generation = generation
        self.roomID = roomID
        self.createdAt = createdAt
        self.archivedAt = archivedAt
    }

    /// By hand, not through `Decodable`, like `RoomRecord`'s.
    public init(row: Row) throws {
        self.init(id: try row.decode(forColumn: "id"), name: try row.decode(forColumn: "name"),
                  generation: try row.decode(forColumn: "generation"), roomID: try row.decode(forColumn: "roomID"),
                  createdAt: try row.storedDate("createdAt"), archivedAt: try row.optionalStoredDate("archivedAt"))
    }

    /// The columns `init(raw:)` reads, in its order, each prefixed with the table's name.
    static let rawColumns = "studyGroup.id, studyGroup.name, studyGroup.generation, studyGroup.roomID, studyGroup.createdAt, studyGroup.archivedAt"

    /// A row of `rawColumns`, read by `RawQuery`.
    init(raw row: RawRow) throws {
        self.init(id: try row.integer(0), name: try row.text(1), generation: Int(try row.integer(2)), roomID: try row.optionalText(3),
                  createdAt: try row.date(4), archivedAt: try row.optionalDate(5))
    }

    public var isActive: Bool { archivedAt == nil }
}

/// A student's membership of one group, with their onboarding state.
public struct GroupMemberRecord: Codable, Sendable, Equatable, FetchableRecord, StoredDates {
    public static let databaseTableName = "groupMember"

    public var groupID: Int64
    public var userID: String
    /// When the student first joined the group's room.
    public var joinedRoomAt: Date?
    /// When the supervisor was told the student had not joined.
    public var reportedMissingAt: Date?

    public init(groupID: Int64, userID: String, joinedRoomAt: Date? = nil, reportedMissingAt: Date? = nil) {
        self.groupID = groupID
        self.userID = userID
        self.joinedRoomAt = joinedRoomAt
        self.reportedMissingAt = reportedMissingAt
    }
}
