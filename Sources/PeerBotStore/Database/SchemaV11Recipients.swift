/// An eleventh-generation schema for sending into encrypted rooms without re-reading who may get
/// the room key on every message: one number that moves whenever anything the key share reads
/// changes (a room's encryption state or members, a member's devices, their trust or their
/// cross-signing keys, an outbound session or whom it was given to). The sender remembers, per
/// room and session, the number at which nothing was left to share; while the number stands,
/// nobody new can be owed the key.
///
/// The triggers keep it, so no writer can forget to.
///
/// Shipped in migration "v11-recipients" — never edit this text; add a later migration instead.
enum SchemaV11Recipients {
    /// The tables whose rows decide who gets a room key, and the changes watched. An outbound
    /// session's pickle moves on with every message it encrypts, which changes no recipient: only
    /// a session made, dropped or renamed counts there.
    static let watched: [(table: String, changes: [String])] = [
        ("roomEncryption", ["INSERT", "UPDATE", "DELETE"]),
        ("roomMember", ["INSERT", "UPDATE", "DELETE"]),
        ("trackedUser", ["INSERT", "UPDATE", "DELETE"]),
        ("trackedDevice", ["INSERT", "UPDATE", "DELETE"]),
        ("megolmOutboundSession", ["INSERT", "UPDATE OF roomID, sessionID", "DELETE"]),
        ("megolmShare", ["INSERT", "UPDATE", "DELETE"]),
    ]

    static let statements: [String] = [
        """
        CREATE TABLE keyRecipientsVersion (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            version INTEGER NOT NULL
        )
        """,
        "INSERT INTO keyRecipientsVersion (id, version) VALUES (1, 0)",
    ] + watched.flatMap { table, changes in
        changes.map { change in
            """
            CREATE TRIGGER \(table)_\(change.prefix { $0 != " " }.lowercased())_recipients AFTER \(change) ON \(table)
            BEGIN UPDATE keyRecipientsVersion SET version = version + 1 WHERE id = 1; END
            """
        }
    }
}
