/// An eighth-generation schema for sending into encrypted rooms: which rooms are encrypted and
/// who is in them, the devices of those members and whether they are trusted, the bot's
/// outbound Megolm session per room and whom it was shared with, key shares waiting to be
/// delivered, and the ciphertext of an outbox row committed before it was sent.
///
/// Shipped in migration "v8-send" — never edit this text; add a later migration instead.
enum SchemaV8Send {
    static let statements: [String] = [
        // A room's m.room.encryption state as last seen; algorithm NULL: the room is plain.
        // A room without a row has not been checked yet (the sender asks the homeserver).
        // membersLoaded: the member list was read whole once, so sync keeps it current.
        """
        CREATE TABLE roomEncryption (
            roomID TEXT PRIMARY KEY NOT NULL CHECK (roomID <> ''),
            algorithm TEXT CHECK (algorithm <> ''),
            rotationPeriodMs INTEGER CHECK (rotationPeriodMs > 0),
            rotationPeriodMsgs INTEGER CHECK (rotationPeriodMsgs > 0),
            membersLoaded BOOLEAN NOT NULL DEFAULT 0,
            updatedAt DATETIME NOT NULL
        ) WITHOUT ROWID
        """,
        // Joined and invited members of encrypted rooms: whose devices get the room key.
        """
        CREATE TABLE roomMember (
            roomID TEXT NOT NULL REFERENCES roomEncryption(roomID) ON DELETE CASCADE,
            userID TEXT NOT NULL CHECK (userID LIKE '@_%:_%'),
            membership TEXT NOT NULL CHECK (membership IN ('join', 'invite')),
            PRIMARY KEY (roomID, userID)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX roomMember_user ON roomMember(userID)",
        // A user whose devices are tracked; outdated: their device list must be queried again.
        // changes counts the changes sync reported, so one that comes while a query is under way
        // leaves the list outdated. masterKey/selfSigningKey: their checked cross-signing keys,
        // NULL without cross-signing.
        """
        CREATE TABLE trackedUser (
            userID TEXT PRIMARY KEY NOT NULL CHECK (userID LIKE '@_%:_%'),
            outdated BOOLEAN NOT NULL DEFAULT 1,
            changes INTEGER NOT NULL DEFAULT 0,
            masterKey TEXT,
            selfSigningKey TEXT,
            updatedAt DATETIME NOT NULL
        ) WITHOUT ROWID
        """,
        // A device with a valid self-signature. blocked: its keys changed under the same device
        // id, so it is never given a room key again.
        """
        CREATE TABLE trackedDevice (
            userID TEXT NOT NULL REFERENCES trackedUser(userID) ON DELETE CASCADE,
            deviceID TEXT NOT NULL CHECK (deviceID <> ''),
            curve25519 TEXT NOT NULL CHECK (curve25519 <> ''),
            ed25519 TEXT NOT NULL CHECK (ed25519 <> ''),
            crossSigned BOOLEAN NOT NULL DEFAULT 0,
            blocked BOOLEAN NOT NULL DEFAULT 0,
            firstSeenAt DATETIME NOT NULL,
            PRIMARY KEY (userID, deviceID)
        ) WITHOUT ROWID
        """,
        // The room's current outbound Megolm session, sealed. Replaced on rotation; the pickle
        // holds the next message index, committed before any message of that index leaves.
        """
        CREATE TABLE megolmOutboundSession (
            roomID TEXT PRIMARY KEY NOT NULL CHECK (roomID <> ''),
            sessionID TEXT NOT NULL UNIQUE CHECK (sessionID <> ''),
            pickle TEXT NOT NULL CHECK (pickle <> ''),
            createdAt DATETIME NOT NULL
        ) WITHOUT ROWID
        """,
        // The devices the session's key was given to (queued for delivery counts as given).
        """
        CREATE TABLE megolmShare (
            sessionID TEXT NOT NULL REFERENCES megolmOutboundSession(sessionID) ON DELETE CASCADE,
            userID TEXT NOT NULL,
            deviceID TEXT NOT NULL,
            PRIMARY KEY (sessionID, userID, deviceID)
        ) WITHOUT ROWID
        """,
        // A to-device message (Olm-encrypted room keys) committed with the Olm sessions that
        // made it, re-sent with the same transaction id until the homeserver confirms.
        """
        CREATE TABLE toDeviceOutbox (
            txnID TEXT PRIMARY KEY NOT NULL CHECK (txnID <> ''),
            eventType TEXT NOT NULL CHECK (eventType <> ''),
            messagesJSON TEXT NOT NULL CHECK (json_valid(messagesJSON)),
            createdAt DATETIME NOT NULL
        ) WITHOUT ROWID
        """,
        // The encrypted event an outbox row goes out as: fixed before the first attempt, so every
        // re-send carries the same ciphertext and the same Megolm index.
        """
        CREATE TABLE outboxCiphertext (
            outboxID INTEGER PRIMARY KEY REFERENCES outbox(id) ON DELETE CASCADE,
            eventType TEXT NOT NULL CHECK (eventType <> ''),
            contentJSON TEXT NOT NULL CHECK (json_valid(contentJSON))
        )
        """,
    ]
}
