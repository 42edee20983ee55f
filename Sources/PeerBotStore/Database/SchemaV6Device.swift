/// A sixth-generation schema: the bot's own Olm account (the identity of its end-to-end encryption
/// device), its Olm sessions with other devices, and the Megolm room keys it has received.
///
/// Shipped in migration "v6-device" — never edit this text; add a later migration instead.
enum SchemaV6Device {
    static let statements: [String] = [
        // One row at most: the bot is one device. The pickle is sealed under the pickle key,
        // which the database never holds, so a copy of this file alone opens no key.
        // deviceID is the device the keys were published for; keys for another device would
        // be a second identity, so the row is never re-pointed, only its pickle updated.
        """
        CREATE TABLE olmAccount (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            deviceID TEXT NOT NULL CHECK (deviceID <> ''),
            pickle TEXT NOT NULL CHECK (pickle <> ''),
            createdAt DATETIME NOT NULL,
            updatedAt DATETIME NOT NULL
        )
        """,
        // One Olm session with another device, found by that device's Curve25519 key. The
        // pickle changes with every message; the newest-used sessions are tried first.
        """
        CREATE TABLE olmSession (
            sessionID TEXT PRIMARY KEY NOT NULL CHECK (sessionID <> ''),
            senderKey TEXT NOT NULL CHECK (senderKey <> ''),
            pickle TEXT NOT NULL CHECK (pickle <> ''),
            createdAt DATETIME NOT NULL,
            lastUsedAt DATETIME NOT NULL
        )
        """,
        "CREATE INDEX olmSession_sender ON olmSession(senderKey, lastUsedAt)",
        // A room key (inbound Megolm session) as a device shared it by Olm. senderKey is the
        // Curve25519 key of the Olm session it came through (authenticated); signingKey is the
        // Ed25519 key that device claimed in the same message.
        """
        CREATE TABLE megolmInboundSession (
            roomID TEXT NOT NULL CHECK (roomID <> ''),
            senderKey TEXT NOT NULL CHECK (senderKey <> ''),
            sessionID TEXT NOT NULL CHECK (sessionID <> ''),
            senderUserID TEXT NOT NULL,
            signingKey TEXT NOT NULL,
            firstKnownIndex INTEGER NOT NULL CHECK (firstKnownIndex >= 0),
            pickle TEXT NOT NULL CHECK (pickle <> ''),
            receivedAt DATETIME NOT NULL,
            PRIMARY KEY (roomID, senderKey, sessionID)
        ) WITHOUT ROWID
        """,
    ]
}
