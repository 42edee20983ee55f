// Issue "Encrypted rooms" pickling requirement for the Olm specification's account keys
// (identity, fingerprint, one-time and fallback keys), sealed by PickleBox.

import Crypto

extension OlmAccount {
    static let pickleFormat: UInt8 = 0x41  // "A", format 1

    /// Every key of the account sealed under `key`, unpadded base64.
    public func pickle(key: PickleKey) -> String {
        var writer = PickleWriter()
        writer.u8(Self.pickleFormat)
        writer.fixed(signingKey.rawRepresentation)
        writer.fixed(identityKey.rawRepresentation)
        writer.u64(oneTimeKeys.nextID)
        writer.u32(UInt32(oneTimeKeys.keys.count))
        for key in oneTimeKeys.keys { Self.write(key, to: &writer) }
        writer.u64(fallbackKeys.nextID)
        for key in [fallbackKeys.current, fallbackKeys.previous] {
            writer.bool(key != nil)
            if let key { Self.write(key, to: &writer) }
        }
        let sealed = PickleBox.seal(writer.bytes, key: key)
        writer.wipe()
        return UnpaddedBase64.encode(sealed)
    }

    /// An account from `pickle(key:)`: `.wrongPickleKey` under another key, `.malformed` for
    /// anything that is not an account pickle.
    public convenience init(pickle: String, key: PickleKey) throws(CryptoError) {
        var plaintext = try PickleBox.open(try UnpaddedBase64.decode(pickle), key: key)
        defer { plaintext.withUnsafeMutableBytes { zeroize($0) } }
        var reader = PickleReader(plaintext)
        guard try reader.u8() == Self.pickleFormat else { throw .malformed("not an Olm account pickle") }
        var signingRaw = try reader.fixed(32)
        var identityRaw = try reader.fixed(32)
        defer {
            signingRaw.withUnsafeMutableBytes { zeroize($0) }
            identityRaw.withUnsafeMutableBytes { zeroize($0) }
        }
        guard let signingKey = try? Curve25519.Signing.PrivateKey(rawRepresentation: signingRaw),
              let identityKey = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: identityRaw) else { throw .badKey }
        let nextOneTimeID = try reader.u64()
        let count = Int(try reader.u32())
        guard count <= OlmOneTimeKeyStore.maxStored else { throw .malformed("too many one-time keys in pickle") }
        var keys: [OlmPublishableKey] = []
        for _ in 0..<count { keys.append(try Self.readKey(&reader)) }
        var fallbackKeys = OlmFallbackKeyStore(nextID: try reader.u64())
        fallbackKeys.current = try reader.bool() ? try Self.readKey(&reader) : nil
        fallbackKeys.previous = try reader.bool() ? try Self.readKey(&reader) : nil
        try reader.finish()
        self.init(signingKey: signingKey, identityKey: identityKey,
                  oneTimeKeys: OlmOneTimeKeyStore(nextID: nextOneTimeID, keys: keys), fallbackKeys: fallbackKeys)
    }

    private static func write(_ key: OlmPublishableKey, to writer: inout PickleWriter) {
        writer.u64(key.id)
        writer.fixed(key.privateKey.rawRepresentation)
        writer.bool(key.published)
    }

    private static func readKey(_ reader: inout PickleReader) throws(CryptoError) -> OlmPublishableKey {
        let id = try reader.u64()
        var raw = try reader.fixed(32)
        defer { raw.withUnsafeMutableBytes { zeroize($0) } }
        guard let privateKey = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw) else { throw .badKey }
        return OlmPublishableKey(id: id, privateKey: privateKey, published: try reader.bool())
    }
}
