/// A tenth-generation schema for encrypted rooms read fast: a message index may be claimed by an
/// event whose Ed25519 signature is not checked yet (the bot checks it only once the event would
/// have an effect), so the record keeps that event's signature bytes until the check is made;
/// and room keys found by room and session id in one step.
///
/// Shipped in migration "v10-cryptspeed" — never edit this text; add a later migration instead.
enum SchemaV10Cryptspeed {
    static let statements: [String] = [
        // NULL: the event's signature verified. Bytes: the unchecked claim's signature, so the
        // same message again is known as a replay, and a different one may still be the genuine.
        "ALTER TABLE megolmMessageIndex ADD COLUMN unverifiedSignature BLOB",
        // An encrypted event names its room key by room and session id; the primary key starts
        // with the room, then the sender key, so without this a look-up read every room key of
        // the room, pickles and all.
        "CREATE INDEX megolmInboundSession_session ON megolmInboundSession(roomID, sessionID)",
    ]
}
