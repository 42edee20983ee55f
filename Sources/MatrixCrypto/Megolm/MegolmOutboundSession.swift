// Megolm specification, "Initial setup", "Encrypting a message" and "Session sharing format":
// the sending side of an m.megolm.v1.aes-sha2 session.

import Crypto

/// The sending side of a Megolm session: encrypts room messages and shares its session key.
public final class MegolmOutboundSession: CustomStringConvertible, CustomDebugStringConvertible {
    var ratchet: MegolmRatchet
    let signingKey: Curve25519.Signing.PrivateKey

    /// A new session with a random ratchet at index 0 and a fresh Ed25519 key.
    public convenience init() {
        self.init(ratchet: .random(), signingKey: Curve25519.Signing.PrivateKey())
    }

    init(ratchet: MegolmRatchet, signingKey: Curve25519.Signing.PrivateKey) {
        self.ratchet = ratchet
        self.signingKey = signingKey
    }

    /// The session id: the Ed25519 public key, unpadded base64.
    public var sessionID: String {
        UnpaddedBase64.encode(signingKey.publicKey.rawRepresentation)
    }

    /// The index the next message will carry.
    public var messageIndex: UInt32 { ratchet.index }

    /// The session key (version 2, signed) at the current index, for `m.room_key`.
    public var sessionKey: String {
        var bytes = MegolmSessionKey.signed(ratchet: ratchet, signer: signingKey)
        defer { bytes.withUnsafeMutableBytes { zeroize($0) } }
        return UnpaddedBase64.encode(bytes)
    }

    /// Encrypts `plaintext` (the event JSON) and advances the ratchet; returns the
    /// unpadded base64 `ciphertext` of an `m.room.encrypted` event.
    public func encrypt(_ plaintext: some Collection<UInt8>) -> String {
        UnpaddedBase64.encode(encryptBytes(plaintext))
    }

    /// As `encrypt(_:)`, the raw message bytes.
    func encryptBytes(_ plaintext: some Collection<UInt8>) -> [UInt8] {
        var secret = ratchet.bytes
        let cipher = CBCHMACCipher(secret: &secret, info: "MEGOLM_KEYS")
        var message = MegolmMessage.body(index: ratchet.index, ciphertext: cipher.encrypt(plaintext))
        message += cipher.mac(message)
        // Ed25519 signing of a byte buffer cannot fail.
        message += Array(try! signingKey.signature(for: message))
        // The index can wrap after 2^32 messages; the spec leaves that to rotation long before.
        ratchet.advance()
        return message
    }

    public var description: String { "MegolmOutboundSession(\(sessionID), index \(messageIndex))" }
    public var debugDescription: String { description }
}
