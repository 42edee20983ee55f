/// A ninth-generation schema: every message the bot sent marked as feedback (the feedback itself
/// or the acknowledgement of an answer to it) is named by its event id in its own table, so a
/// student's Matrix reply to it still counts as an answer after housekeeping has pruned the
/// outbox row that posted it. Existing links are copied from the outbox rows still there.
///
/// Shipped in migration "v9-aggregates" — never edit this text; add a later migration instead.
enum SchemaV9Aggregates {
    static let statements: [String] = [
        """
        CREATE TABLE feedbackMessage (
            eventID TEXT PRIMARY KEY NOT NULL CHECK (eventID <> ''),
            sentAt DATETIME NOT NULL
        ) WITHOUT ROWID
        """,
        """
        INSERT OR IGNORE INTO feedbackMessage (eventID, sentAt)
        SELECT eventID, COALESCE(finishedAt, createdAt) FROM outbox
        WHERE state = 'sent' AND kind = 'send' AND eventType = 'm.room.message' AND eventID IS NOT NULL AND eventID <> ''
            AND json_extract(contentJSON, '$."peerbot.kind"') = 'feedback'
        """,
    ]
}
