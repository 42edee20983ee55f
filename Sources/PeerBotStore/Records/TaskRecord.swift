import Foundation
import GRDB

/// A responsibility for one student or the whole group.
public struct TaskRecord: Codable, Sendable, Equatable, FetchableRecord, StoredDates {
    public static let databaseTableName = "task"

    /// The number people type in `!task done`; never reused.
    public var id: Int64
    public var groupID: Int64
    /// The student responsible; nil when the whole group is.
    public var assignee: String?
    public var text: String
    /// The due date as the user wrote it.
    public var due: String?
    /// The session it was agreed around.
    public var sessionNumber: Int64?
    public var createdBy: String
    public var createdAt: Date
    public var doneAt: Date?
    public var doneBy: String?

    public init(
        id: Int64, groupID: Int64, assignee: String?, text: String, due: String?, sessionNumber: Int64?,
        createdBy: String, createdAt: Date, doneAt: Date? = nil, doneBy: String? = nil
    ) {
        self.id = id
        self.groupID = groupID
        self.assignee = assignee
        self.text = text
        self.due = due
        self.sessionNumber = sessionNumber
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.doneAt = doneAt
        self.doneBy = doneBy
    }

    public var isDone: Bool { doneAt != nil }

    public var isForGroup: Bool { assignee == nil }
}
