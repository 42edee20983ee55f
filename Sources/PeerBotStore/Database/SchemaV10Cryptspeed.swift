/// A tenth-generation schema for encrypted rooms read fast: a message index may be claimed by an
/// event whose Ed25519 signature is not checked yet (the bot checks it only once the event would
/// have an effect), so the record keeps that event's signature bytes until the check is made.
///
/// Shipped in migration "v10-cryptspeed" — never edit this text; add a later migration instead.
enum SchemaV10Cryptspeed {
    static let statements: [String] = [
        // NULL: the event's signature verified. Bytes: the unchecked claim's signature, so the
        // same message again is known as a replay, and a different one may still be the genuine.
        "ALTER TABLE megolmMessageIndex ADD COLUMN unverifiedSignature BLOB",
    ]
}
