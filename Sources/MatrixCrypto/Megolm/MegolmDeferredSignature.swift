// Megolm specification, "Decrypting a message": the MAC proves the message was made with the
// session's ratchet, which every member the key was shared with holds; only the Ed25519
// signature proves it came from the session's sender. A receiver that acts on a message only
// after checking that signature may read it first and check later.

import Crypto

/// The not yet checked Ed25519 signature of a Megolm message that was decrypted without it.
public struct DeferredMegolmSignature: Sendable, Equatable {
    let message: MegolmMessage
    let signingKey: Curve25519.Signing.PublicKey

    /// The 64 signature bytes: the same message presented again carries the same ones.
    public var signature: [UInt8] { Array(message.signature) }

    /// `.badSignature` unless the session's sender signed the message.
    public func verify() throws(CryptoError) {
        try Ed25519.verify(signature: message.signature, of: message.signatureInput, by: signingKey)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.message == rhs.message && lhs.signingKey.rawRepresentation == rhs.signingKey.rawRepresentation
    }
}

/// When a Megolm message's Ed25519 signature is checked, relative to its decryption.
public enum MegolmSignatureCheck: Sendable, Equatable {
    /// Before anything else: a forged message is refused before the cached ratchet moves.
    case first
    /// Left to the caller (`signature.verify()`), except for a message whose index the session
    /// cannot reach: it is checked then, so only the sender's own messages wait for a key.
    case deferred
}

extension MegolmInboundSession {
    /// Decrypts like `decrypt(_:)`, with the signature checked as `check` says; with `.deferred`
    /// the plaintext may come from any holder of the room key until `signature.verify()` passes,
    /// and nothing may be done with it before then, other than deciding that it has no effect.
    /// `.badSignature` before `.unknownMessageIndex`: a forgery is never taken for a message
    /// whose key is still to come.
    public func decrypt(_ ciphertext: String, signature check: MegolmSignatureCheck) throws(CryptoError)
        -> (plaintext: [UInt8], messageIndex: UInt32, signature: DeferredMegolmSignature) {
        let message = try MegolmMessage(bytes: UnpaddedBase64.decode(ciphertext))
        let signature = DeferredMegolmSignature(message: message, signingKey: signingKey)
        if check == .first || message.messageIndex < firstKnownIndex { try signature.verify() }
        let opened = try open(message)
        return (opened.plaintext, opened.messageIndex, signature)
    }
}
