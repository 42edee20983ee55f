// Megolm specification, "Session sharing format" (version 2: index, ratchet, Ed25519 key,
// signature) and the Matrix spec's "Key export" session data (version 1: the same unsigned).

import Crypto

/// A Megolm session's shareable state: a ratchet at an index and the session's signing key.
struct MegolmSessionKey {
    static let signedVersion: UInt8 = 2
    static let exportVersion: UInt8 = 1
    private static let unsignedLength = 1 + 4 + MegolmRatchet.byteCount + 32
    private static let signedLength = unsignedLength + 64

    let ratchet: MegolmRatchet
    let signingKey: Curve25519.Signing.PublicKey

    init(ratchet: MegolmRatchet, signingKey: Curve25519.Signing.PublicKey) {
        self.ratchet = ratchet
        self.signingKey = signingKey
    }

    /// Version, big-endian index, ratchet, public key.
    func unsignedBytes(version: UInt8) -> [UInt8] {
        var writer = PickleWriter()
        writer.u8(version)
        writer.u32(ratchet.index)
        writer.fixed(ratchet.bytes)
        writer.fixed(signingKey.rawRepresentation)
        return writer.bytes
    }

    /// The version 2 form, signed by the session's private key.
    static func signed(ratchet: MegolmRatchet, signer: Curve25519.Signing.PrivateKey) -> [UInt8] {
        let bytes = MegolmSessionKey(ratchet: ratchet, signingKey: signer.publicKey).unsignedBytes(version: signedVersion)
        // Ed25519 signing of a byte buffer cannot fail.
        return bytes + Array(try! signer.signature(for: bytes))
    }

    /// Reads a version 2 session key and checks its signature.
    init(signed bytes: [UInt8]) throws(CryptoError) {
        try self.init(bytes: bytes, version: MegolmSessionKey.signedVersion, length: MegolmSessionKey.signedLength)
        let body = bytes[0..<MegolmSessionKey.unsignedLength]
        try Ed25519.verify(signature: bytes[MegolmSessionKey.unsignedLength...], of: body, by: signingKey)
    }

    /// Reads a version 1 exported key, which carries no signature.
    init(exported bytes: [UInt8]) throws(CryptoError) {
        try self.init(bytes: bytes, version: MegolmSessionKey.exportVersion, length: MegolmSessionKey.unsignedLength)
    }

    private init(bytes: [UInt8], version: UInt8, length: Int) throws(CryptoError) {
        guard let first = bytes.first else { throw .malformed("empty session key") }
        guard first == version else { throw .unsupportedVersion(first) }
        guard bytes.count == length else { throw .malformed("session key has the wrong length") }
        var reader = PickleReader(Array(bytes[1..<MegolmSessionKey.unsignedLength]))
        let index = try reader.u32()
        ratchet = try MegolmRatchet(bytes: reader.fixed(MegolmRatchet.byteCount), index: index)
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: reader.fixed(32)) else { throw .badKey }
        signingKey = key
    }
}
