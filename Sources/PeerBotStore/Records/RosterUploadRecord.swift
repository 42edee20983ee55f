import Foundation
import GRDB

/// Where an uploaded roster file is in its life.
public enum RosterUploadState: String, Codable, Sendable, CaseIterable {
    /// Not yet downloaded and imported.
    case pending
    /// Handled: imported, or answered with why it was not.
    case done
    /// Could not be downloaded or read; not retried.
    case failed
}

/// A CSV file a supervisor uploaded, waiting to be downloaded and imported.
public struct RosterUploadRecord: Codable, Sendable, Equatable, FetchableRecord, StoredDates {
    public static let databaseTableName = "rosterUpload"

    /// The upload's event, to which the import's answer replies.
    public var eventID: String
    public var roomID: String
    public var sender: String
    /// Where the file is on the media repository (`mxc://server/id`).
    public var mxcURI: String
    public var filename: String
    /// The size the upload announced, in bytes, if any.
    public var size: Int?
    public var createdAt: Date
    public var state: RosterUploadState
    /// For an encrypted attachment: its `file` object (key, iv, hash) sealed under the pickle key.
    public var fileSecret: String?

    public init(
        eventID: String, roomID: String, sender: String, mxcURI: String, filename: String,
        size: Int?, createdAt: Date, state: RosterUploadState = .pending, fileSecret: String? = nil
    ) {
        self.eventID = eventID
        self.roomID = roomID
        self.sender = sender
        self.mxcURI = mxcURI
        self.filename = filename
        self.size = size
        self.createdAt = createdAt
        self.state = state
        self.fileSecret = fileSecret
    }
}
