// Olm specification "Signing" and Matrix spec "Key algorithms" (ed25519): keys as unpadded
// base64 of their 32 raw bytes, signatures as 64 raw bytes.

import Crypto

/// Ed25519 key conversions between the Matrix wire form and swift-crypto's types.
public enum Ed25519 {
    /// The public key written as unpadded base64 of 32 bytes; anything else is `.badKey`.
    public static func publicKey(_ base64: String) throws(CryptoError) -> Curve25519.Signing.PublicKey {
        let bytes = try UnpaddedBase64.decode(base64)
        guard bytes.count == 32, let key = try? Curve25519.Signing.PublicKey(rawRepresentation: bytes) else {
            throw .badKey
        }
        return key
    }

    /// Verifies a 64-byte signature of `message`; `.badSignature` otherwise.
    public static func verify(signature: some Collection<UInt8>, of message: some Collection<UInt8>,
                              by key: Curve25519.Signing.PublicKey) throws(CryptoError) {
        let signatureBytes = Array(signature)
        guard signatureBytes.count == 64, key.isValidSignature(signatureBytes, for: Array(message)) else {
            throw .badSignature
        }
    }
}
