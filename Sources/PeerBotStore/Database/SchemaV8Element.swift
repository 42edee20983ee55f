/// An eighth-generation schema: the display names room members gave themselves, as the bot saw
/// them in `m.room.member` events, so a command may name a person the way the client's member
/// list shows them.
///
/// Shipped in migration "v8-element" — never edit this text; add a later migration instead.
enum SchemaV8Element {
    static let statements: [String] = [
        """
        CREATE TABLE memberName (
            roomID TEXT NOT NULL,
            userID TEXT NOT NULL,
            displayName TEXT NOT NULL,
            PRIMARY KEY (roomID, userID)
        )
        """,
        "CREATE INDEX memberName_userID ON memberName(userID)",
    ]
}
