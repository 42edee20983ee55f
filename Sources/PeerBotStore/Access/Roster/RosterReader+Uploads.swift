import Foundation
import GRDB

extension RosterReader {
    /// Uploaded roster files not yet handled, oldest first.
    public func pendingUploads() throws -> [RosterUploadRecord] {
        // The literal 'pending' lets SQLite use the partial index rosterUpload_pending.
        try RosterUploadRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM rosterUpload WHERE state = 'pending' ORDER BY createdAt, rowid"))
    }
}

extension RosterReader {
    /// The upload recorded for `eventID`, in whatever state.
    public func upload(eventID: String) throws -> RosterUploadRecord? {
        try RosterUploadRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM rosterUpload WHERE eventID = ?"), arguments: [eventID])
    }
}

extension RosterWriter {
    /// Records an uploaded roster file. The same event again (a repeated /sync) changes nothing.
    public func addUpload(_ upload: RosterUploadRecord) throws {
        try db.execute(
            sql: """
                INSERT INTO rosterUpload (eventID, roomID, sender, mxcURI, filename, size, createdAt, state, fileSecret)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (eventID) DO NOTHING
                """,
            arguments: [
                upload.eventID, upload.roomID, upload.sender, upload.mxcURI, upload.filename,
                upload.size, upload.createdAt.stored, upload.state.rawValue, upload.fileSecret,
            ])
    }

    /// Sets the upload's state once it was handled (an encrypted file's key is no longer kept). Throws `RosterStoreError.rosterUploadNotFound`
    /// if no upload was recorded for the event.
    public func finishUpload(eventID: String, state: RosterUploadState) throws {
        try db.execute(
            sql: "UPDATE rosterUpload SET state = ?, fileSecret = NULL WHERE eventID = ?", arguments: [state.rawValue, eventID])
        guard db.changesCount > 0 else {
            throw RosterStoreError.rosterUploadNotFound(eventID: eventID)
        }
    }
}
