import Foundation
import GRDB

extension AssessmentReader {
    /// Whether `eventID` is a message the bot sent marked `peerbot.kind: feedback` (the
    /// feedback itself or the acknowledgement of an answer to it); the link is kept apart from
    /// the outbox row, so it outlives it.
    public func isFeedbackEvent(_ eventID: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM feedbackMessage WHERE eventID = ?)"),
                          arguments: [eventID]) ?? false
    }

    /// When the bot's last message delivered to `roomID` was sent, if it was marked as feedback;
    /// nil when it was any other message (or none is kept). Rows queued for the room's `ref:`
    /// before the room existed count as the room's.
    public func lastMessageWasFeedback(inRoom roomID: String) throws -> Date? {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT json_extract(contentJSON, '$."peerbot.kind"') AS messageKind, finishedAt FROM outbox
                WHERE (roomID = ? OR roomID IN (SELECT ref FROM roomRef WHERE roomID = ?)) AND state = 'sent'
                    AND (kind = 'file' OR (kind = 'send' AND eventType = 'm.room.message'))
                ORDER BY id DESC LIMIT 1
                """),
            arguments: [roomID, roomID])
        guard let row, (row["messageKind"] as String?) == "feedback" else { return nil }
        return (row["finishedAt"] as StoredDate?)?.date
    }
}
