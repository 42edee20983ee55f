/// The sixth schema: the bot's own Olm account, the identity of its end-to-end encryption device.
///
/// Shipped in migration "v6" — never edit this text; add a later migration instead.
enum SchemaV6 {
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
    ]
}
