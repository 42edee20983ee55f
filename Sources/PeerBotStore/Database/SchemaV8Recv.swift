/// An eighth-generation schema for receiving in encrypted rooms: encrypted events whose room key
/// has not arrived yet, the Megolm message indexes already used, so a replayed ciphertext under
/// another event id is refused, the sealed key of an encrypted roster file, and the account's
/// sealed cross-signing keys.
///
/// Shipped in migration "v8-recv" — never edit this text; add a later migration instead.
enum SchemaV8Recv {
    static let statements: [String] = [
        // The event as the homeserver sent it (ciphertext only: no plaintext is ever stored
        // here). It is kept in the same transaction as the sync position that passed it, so a
        // crash cannot lose it. triedFirstIndex: the stored key's first index when the event
        // was last tried, so a key that does not reach back far enough is not tried again until
        // a better copy arrives. keyRequestedAt: when `m.room_key_request` went out for it.
        """
        CREATE TABLE pendingEncryptedEvent (
            eventID TEXT PRIMARY KEY NOT NULL CHECK (eventID <> ''),
            roomID TEXT NOT NULL CHECK (roomID <> ''),
            senderUserID TEXT NOT NULL,
            senderKey TEXT,
            sessionID TEXT NOT NULL CHECK (sessionID <> ''),
            deviceID TEXT,
            event TEXT NOT NULL,
            receivedAt DATETIME NOT NULL,
            triedFirstIndex INTEGER,
            keyRequestedAt DATETIME
        )
        """,
        "CREATE INDEX pendingEncryptedEvent_session ON pendingEncryptedEvent(roomID, sessionID)",
        "CREATE INDEX pendingEncryptedEvent_received ON pendingEncryptedEvent(receivedAt)",
        // Which event used each message index of each received session.
        """
        CREATE TABLE megolmMessageIndex (
            senderKey TEXT NOT NULL,
            sessionID TEXT NOT NULL,
            messageIndex INTEGER NOT NULL CHECK (messageIndex >= 0),
            eventID TEXT NOT NULL,
            seenAt DATETIME NOT NULL,
            PRIMARY KEY (senderKey, sessionID, messageIndex)
        ) WITHOUT ROWID
        """,
        // An encrypted attachment's `file` object (its AES key, iv and hash), sealed under the
        // pickle key, until the roster file is imported; emptied once it is handled.
        "ALTER TABLE rosterUpload ADD COLUMN fileSecret TEXT",
        // The bot account's cross-signing keys (master, self-signing, user-signing), made by
        // `peerbot login`: the private keys sealed under the pickle key, the master's public
        // key in the clear so the published identity can be checked against it.
        """
        CREATE TABLE crossSigningKeys (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            masterKey TEXT NOT NULL CHECK (masterKey <> ''),
            pickle TEXT NOT NULL CHECK (pickle <> ''),
            createdAt DATETIME NOT NULL
        )
        """,
    ]
}
