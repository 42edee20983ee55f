import Foundation
import GRDB
import PeerLearning

/// One reflection message; a student may write several per session. `eventID` is the Matrix
/// event that carried it (a thread reply, a direct-room message, or the `!reflect` command),
/// so edits and redactions find it.
public struct ReflectionRecord: Codable, Sendable, Equatable, FetchableRecord, StoredDates {
    public static let databaseTableName = "reflection"

    public var id: Int64
    public var sessionNumber: Int64
    public var userID: String
    public var scope: ReflectionScope
    /// The latest text: an edit replaces it.
    public var text: String
    public var eventID: String
    public var roomID: String
    public var createdAt: Date
    /// When the text was last replaced by an edit.
    public var editedAt: Date?
    /// Written after the round's deadline.
    public var late: Bool
    /// The patient guard masked identifiers in `text` before it was kept.
    public var masked: Bool

    public init(
        id: Int64, sessionNumber: Int64, userID: String, scope: ReflectionScope, text: String,
        eventID: String, roomID: String, createdAt: Date, editedAt: Date? = nil, late: Bool, masked: Bool = false
    ) {
        self.id = id
        self.sessionNumber = sessionNumber
        self.userID = userID
        self.scope = scope
        self.text = text
        self.eventID = eventID
        self.roomID = roomID
        self.createdAt = createdAt
        self.editedAt = editedAt
        self.late = late
        self.masked = masked
    }
}
