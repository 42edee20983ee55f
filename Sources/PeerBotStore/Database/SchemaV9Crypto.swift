/// A ninth-generation schema for encrypted rooms: how far back each received Megolm session's
/// used message indexes are no longer listed one by one, so the list can be pruned without
/// letting an old index be used again.
///
/// Shipped in migration "v9-crypto" — never edit this text; add a later migration instead.
enum SchemaV9Crypto {
    static let statements: [String] = [
        // Every message index of the session below floorIndex counts as used: its own
        // megolmMessageIndex row was pruned, and an event presenting it is a replay.
        """
        CREATE TABLE megolmReplayFloor (
            senderKey TEXT NOT NULL,
            sessionID TEXT NOT NULL,
            floorIndex INTEGER NOT NULL CHECK (floorIndex > 0),
            raisedAt DATETIME NOT NULL,
            PRIMARY KEY (senderKey, sessionID)
        ) WITHOUT ROWID
        """,
    ]
}
