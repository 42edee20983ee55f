/// The outbox sends room by room: a row waiting for its next attempt holds back only the rows
/// after it in the same room. Rows carry a priority (answers to commands before bulk work), the
/// time of their next attempt, and whether a room creation may have reached the homeserver.
/// Long bulk work (creating the group rooms) is a batch of rows whose progress one message shows.
///
/// Shipped in migration "v6-outbox" — never edit this text; add a later migration instead.
enum SchemaV6Outbox {
    static let statements: [String] = [
        // 0: answers and everything timed; 1: bulk (room creations, invites, welcomes).
        "ALTER TABLE outbox ADD COLUMN priority INTEGER NOT NULL DEFAULT 0 CHECK (priority IN (0, 1))",
        // NULL: due now. Set after a failed attempt, so the row's back-off survives a restart.
        "ALTER TABLE outbox ADD COLUMN nextAttemptAt DATETIME",
        // 1 while a createRoom call was made but not answered: only then is the room looked for.
        "ALTER TABLE outbox ADD COLUMN creationUncertain INTEGER NOT NULL DEFAULT 0 CHECK (creationUncertain IN (0, 1))",
        // The sender asks for the first pending row of every room.
        "CREATE INDEX outbox_lane ON outbox(roomID, id) WHERE state = 'pending'",
        // A batch covers outbox rows firstOutboxID...lastOutboxID; progressOutboxID is the message
        // edited as they go. No foreign keys: outbox rows are pruned, the batch is pruned with them.
        """
        CREATE TABLE outboxBatch (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            roomID TEXT NOT NULL CHECK (roomID <> ''),
            firstOutboxID INTEGER NOT NULL,
            lastOutboxID INTEGER NOT NULL,
            progressOutboxID INTEGER NOT NULL,
            language TEXT NOT NULL CHECK (language IN ('da', 'en')),
            startedAt DATETIME NOT NULL,
            reportedAt DATETIME,
            finishedAt DATETIME,
            CHECK (lastOutboxID >= firstOutboxID)
        )
        """,
        "CREATE INDEX outboxBatch_open ON outboxBatch(firstOutboxID, lastOutboxID) WHERE finishedAt IS NULL",
    ]
}
