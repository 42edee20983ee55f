import Foundation
import GRDB

/// A question about a session's goals, forwarded to the supervisors and kept for the summary.
public struct QuestionRecord: Codable, Sendable, Equatable, FetchableRecord, StoredDates {
    public static let databaseTableName = "goalsQuestion"

    public var id: Int64
    /// The session asked about; nil when the group had no session planned.
    public var sessionNumber: Int64?
    /// The asker's group; nil when they are in none.
    public var groupID: Int64?
    public var userID: String
    public var text: String
    public var at: Date

    public init(id: Int64, sessionNumber: Int64?, groupID: Int64?, userID: String, text: String, at: Date) {
        self.id = id
        self.sessionNumber = sessionNumber
        self.groupID = groupID
        self.userID = userID
        self.text = text
        self.at = at
    }
}
