/// An eighth-generation schema: each `m.room_key_request` the bot sent, to whom, and when it
/// was cancelled, so a request whose key came (or whose messages went) is withdrawn once.
///
/// Shipped in migration "v8-keyreq" — never edit this text; add a later migration instead.
enum SchemaV8Keyreq {
    static let statements: [String] = [
        // requestID names the request for every device asked: recipient's recipientDevice
        // ("*": all), and every device of ownUser when set. cancelledAt is set once the
        // homeserver took the `request_cancellation`.
        """
        CREATE TABLE roomKeyRequest (
            requestID TEXT PRIMARY KEY NOT NULL,
            roomID TEXT NOT NULL,
            sessionID TEXT NOT NULL,
            recipient TEXT NOT NULL,
            recipientDevice TEXT NOT NULL,
            ownUser TEXT,
            requestedAt DATETIME NOT NULL,
            cancelledAt DATETIME
        )
        """,
        "CREATE INDEX roomKeyRequest_open ON roomKeyRequest(cancelledAt, roomID, sessionID)",
    ]
}
