// Megolm specification, "Decrypting a message" and "Session sharing format"; Matrix spec
// "Key export": the receiving side, from a session key or an exported key at an index.

import Crypto

/// The receiving side of a Megolm session: decrypts messages at or after its first known index.
public final class MegolmInboundSession: CustomStringConvertible, CustomDebugStringConvertible {
    /// The earliest ratchet state this session holds; never moves.
    let initialRatchet: MegolmRatchet
    /// The furthest state reached so far, so reading in order does not re-hash from the start.
    var latestRatchet: MegolmRatchet
    let signingKey: Curve25519.Signing.PublicKey
    /// True when the key came signed (version 2) rather than from an unsigned export.
    public let isSigningKeyVerified: Bool

    init(initial: MegolmRatchet, latest: MegolmRatchet, signingKey: Curve25519.Signing.PublicKey, verified: Bool) {
        initialRatchet = initial
        latestRatchet = latest
        self.signingKey = signingKey
        isSigningKeyVerified = verified
    }

    /// From the session key of an `m.room_key` event (version 2, signature checked).
    public convenience init(sessionKey: String) throws(CryptoError) {
        var bytes = try UnpaddedBase64.decode(sessionKey)
        defer { bytes.withUnsafeMutableBytes { zeroize($0) } }
        let key = try MegolmSessionKey(signed: bytes)
        self.init(initial: key.ratchet, latest: key.ratchet, signingKey: key.signingKey, verified: true)
    }

    /// From an exported key (version 1, as in key backups and `m.forwarded_room_key`).
    public convenience init(exportedKey: String) throws(CryptoError) {
        var bytes = try UnpaddedBase64.decode(exportedKey)
        defer { bytes.withUnsafeMutableBytes { zeroize($0) } }
        let key = try MegolmSessionKey(exported: bytes)
        self.init(initial: key.ratchet, latest: key.ratchet, signingKey: key.signingKey, verified: false)
    }

    /// The session id: the sender's Ed25519 public key, unpadded base64.
    public var sessionID: String {
        UnpaddedBase64.encode(signingKey.rawRepresentation)
    }

    /// The first message index this session can decrypt.
    public var firstKnownIndex: UInt32 { initialRatchet.index }

    /// Decrypts the unpadded base64 `ciphertext` of an `m.room.encrypted` event.
    public func decrypt(_ ciphertext: String) throws(CryptoError) -> (plaintext: [UInt8], messageIndex: UInt32) {
        try decrypt(bytes: UnpaddedBase64.decode(ciphertext))
    }

    /// As `decrypt(_:)`, on the raw message bytes.
    func decrypt(bytes: [UInt8]) throws(CryptoError) -> (plaintext: [UInt8], messageIndex: UInt32) {
        let message = try MegolmMessage(bytes: bytes)
        // The signature first: a forged message must not make us hash the ratchet forward.
        try Ed25519.verify(signature: message.signature, of: message.signatureInput, by: signingKey)
        return try open(message)
    }

    /// MAC and decryption; the signature is the caller's to check.
    func open(_ message: MegolmMessage) throws(CryptoError) -> (plaintext: [UInt8], messageIndex: UInt32) {
        let ratchet = try ratchet(at: message.messageIndex)
        var secret = ratchet.bytes
        let cipher = CBCHMACCipher(secret: &secret, info: "MEGOLM_KEYS")
        try cipher.verify(message.macInput, mac: message.mac)
        let plaintext = try cipher.decrypt(message.ciphertext)
        if ratchet.index > latestRatchet.index { latestRatchet = ratchet }
        return (plaintext, message.messageIndex)
    }

    /// The ratchet at `index`, run forward from the nearest held state at or before it.
    private func ratchet(at index: UInt32) throws(CryptoError) -> MegolmRatchet {
        guard index >= initialRatchet.index else { throw .unknownMessageIndex }
        var ratchet = index >= latestRatchet.index ? latestRatchet : initialRatchet
        ratchet.advance(to: index)
        return ratchet
    }

    /// The exported key (version 1) at `index`, or nil when the index lies before the first known one.
    public func exportKey(at index: UInt32) -> String? {
        guard let ratchet = try? ratchet(at: index) else { return nil }
        var bytes = MegolmSessionKey(ratchet: ratchet, signingKey: signingKey).unsignedBytes(version: MegolmSessionKey.exportVersion)
        defer { bytes.withUnsafeMutableBytes { zeroize($0) } }
        return UnpaddedBase64.encode(bytes)
    }

    /// The exported key at the first known index.
    public func exportKeyAtFirstKnownIndex() -> String {
        // The first known index is always reachable.
        exportKey(at: firstKnownIndex)!
    }

    public var description: String { "MegolmInboundSession(\(sessionID), from index \(firstKnownIndex))" }
    public var debugDescription: String { description }
}
