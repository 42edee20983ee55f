import Foundation
import GRDB

/// Feedback from a supervisor to one student or a whole group.
public struct FeedbackRecord: Codable, Sendable, Equatable, FetchableRecord, StoredDates {
    public static let databaseTableName = "feedback"

    public var id: Int64
    /// The student it is for; nil when it is for a group.
    public var userID: String?
    /// The group it is for; nil when it is for one student.
    public var groupID: Int64?
    public var text: String
    /// The supervisor who gave it.
    public var from: String
    public var at: Date

    public init(id: Int64, userID: String?, groupID: Int64?, text: String, from: String, at: Date) {
        self.id = id
        self.userID = userID
        self.groupID = groupID
        self.text = text
        self.from = from
        self.at = at
    }
}
