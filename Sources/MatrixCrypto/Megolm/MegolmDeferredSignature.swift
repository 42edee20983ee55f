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

extension MegolmInboundSession {
    /// Decrypts like `decrypt(_:)` after checking only the MAC: the plaintext may come from any
    /// holder of the room key until `signature.verify()` passes. Nothing may be done with it
    /// before then, other than deciding that it has no effect.
    public func decryptDeferringSignature(_ ciphertext: String) throws(CryptoError)
        -> (plaintext: [UInt8], messageIndex: UInt32, signature: DeferredMegolmSignature) {
        let message = try MegolmMessage(bytes: UnpaddedBase64.decode(ciphertext))
        let opened = try open(message)
        return (opened.plaintext, opened.messageIndex, DeferredMegolmSignature(message: message, signingKey: signingKey))
    }
}
