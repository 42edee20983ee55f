// Issue "Encrypted rooms" pickling (the Megolm specification leaves storage to implementations):
// both session sides as PickleWriter fields, sealed with PickleBox under the caller's key.

import Crypto

private let outboundFormat: UInt8 = 1
private let inboundFormat: UInt8 = 1

extension MegolmOutboundSession {
    /// The session sealed under `key`, as unpadded base64.
    public func pickle(key: PickleKey) -> String {
        var writer = PickleWriter()
        writer.u8(outboundFormat)
        writer.u32(ratchet.index)
        writer.fixed(ratchet.bytes)
        writer.fixed(signingKey.rawRepresentation)
        defer { writer.wipe() }
        return UnpaddedBase64.encode(PickleBox.seal(writer.bytes, key: key))
    }

    /// Reopens a pickle made by `pickle(key:)`; `.wrongPickleKey` under another key.
    public convenience init(pickle: String, key: PickleKey) throws(CryptoError) {
        var plain = try PickleBox.open(UnpaddedBase64.decode(pickle), key: key)
        defer { plain.withUnsafeMutableBytes { zeroize($0) } }
        var reader = PickleReader(plain)
        let format = try reader.u8()
        guard format == outboundFormat else { throw .unsupportedVersion(format) }
        let index = try reader.u32()
        let ratchet = try MegolmRatchet(bytes: reader.fixed(MegolmRatchet.byteCount), index: index)
        guard let signer = try? Curve25519.Signing.PrivateKey(rawRepresentation: reader.fixed(32)) else { throw .badKey }
        try reader.finish()
        self.init(ratchet: ratchet, signingKey: signer)
    }
}

extension MegolmInboundSession {
    /// The session sealed under `key`, as unpadded base64.
    public func pickle(key: PickleKey) -> String {
        var writer = PickleWriter()
        writer.u8(inboundFormat)
        for ratchet in [initialRatchet, latestRatchet] {
            writer.u32(ratchet.index)
            writer.fixed(ratchet.bytes)
        }
        writer.fixed(signingKey.rawRepresentation)
        writer.bool(isSigningKeyVerified)
        defer { writer.wipe() }
        return UnpaddedBase64.encode(PickleBox.seal(writer.bytes, key: key))
    }

    /// Reopens a pickle made by `pickle(key:)`; `.wrongPickleKey` under another key.
    public convenience init(pickle: String, key: PickleKey) throws(CryptoError) {
        var plain = try PickleBox.open(UnpaddedBase64.decode(pickle), key: key)
        defer { plain.withUnsafeMutableBytes { zeroize($0) } }
        var reader = PickleReader(plain)
        let format = try reader.u8()
        guard format == inboundFormat else { throw .unsupportedVersion(format) }
        let initialIndex = try reader.u32()
        let initial = try MegolmRatchet(bytes: reader.fixed(MegolmRatchet.byteCount), index: initialIndex)
        let latestIndex = try reader.u32()
        let latest = try MegolmRatchet(bytes: reader.fixed(MegolmRatchet.byteCount), index: latestIndex)
        guard latestIndex >= initialIndex else { throw .malformed("latest ratchet before the initial one") }
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: reader.fixed(32)) else { throw .badKey }
        let verified = try reader.bool()
        try reader.finish()
        self.init(initial: initial, latest: latest, signingKey: key, verified: verified)
    }
}
