import Foundation
import GRDB

/// A student's confirmation that they understand a session's goals, valid only for the
/// goals version it was given for.
public struct ConfirmationRecord: Codable, Sendable, Equatable, FetchableRecord, StoredDates {
    public static let databaseTableName = "goalsConfirmation"

    public var sessionNumber: Int64
    public var userID: String
    /// The session's `goalsVersion` when the student confirmed.
    public var goalsVersion: Int
    public var at: Date
    /// The ✅ reaction that gave it; nil when given with `!understood`.
    public var reactionEventID: String?

    public init(sessionNumber: Int64, userID: String, goalsVersion: Int, at: Date, reactionEventID: String? = nil) {
        self.sessionNumber = sessionNumber
        self.userID = userID
        self.goalsVersion = goalsVersion
        self.at = at
        self.reactionEventID = reactionEventID
    }
}
