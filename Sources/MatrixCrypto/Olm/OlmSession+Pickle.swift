// Issue "Encrypted rooms" pickling requirement for the state of the Olm specification's double
// ratchet ("The Olm Algorithm"): session keys, root and chain keys, receiver chains and skipped
// message keys, sealed by PickleBox.

import Crypto

extension OlmSession {
    static let pickleFormat: UInt8 = 0x53  // "S", format 1

    /// The whole session state sealed under `key`, unpadded base64.
    public func pickle(key: PickleKey) -> String {
        var writer = PickleWriter()
        writer.u8(Self.pickleFormat)
        writer.fixed(sessionKeys.identityKey)
        writer.fixed(sessionKeys.baseKey)
        writer.fixed(sessionKeys.oneTimeKey)
        switch sending {
        case .inactive(let root, let remoteRatchetKey):
            writer.u8(0)
            root.withUnsafeBytes { writer.fixed($0) }
            writer.fixed(remoteRatchetKey)
        case .active(let root, let chain):
            writer.u8(1)
            root.withUnsafeBytes { writer.fixed($0) }
            writer.fixed(chain.ratchetKey.rawRepresentation)
            chain.chainKey.withUnsafeBytes { writer.fixed($0) }
            writer.u64(chain.index)
        }
        writer.u8(UInt8(receiverChains.count))
        for chain in receiverChains {
            writer.fixed(chain.ratchetKey)
            chain.chainKey.withUnsafeBytes { writer.fixed($0) }
            writer.u64(chain.index)
            writer.u8(UInt8(chain.skipped.count))
            for skipped in chain.skipped {
                writer.u64(skipped.index)
                skipped.key.withUnsafeBytes { writer.fixed($0) }
            }
        }
        let sealed = PickleBox.seal(writer.bytes, key: key)
        writer.wipe()
        return UnpaddedBase64.encode(sealed)
    }

    /// A session from `pickle(key:)`: `.wrongPickleKey` under another key, `.malformed` for
    /// anything that is not a session pickle.
    public convenience init(pickle: String, key: PickleKey) throws(CryptoError) {
        var plaintext = try PickleBox.open(try UnpaddedBase64.decode(pickle), key: key)
        defer { plaintext.withUnsafeMutableBytes { zeroize($0) } }
        var reader = PickleReader(plaintext)
        guard try reader.u8() == Self.pickleFormat else { throw .malformed("not an Olm session pickle") }
        let sessionKeys = OlmSessionKeys(identityKey: try reader.fixed(32), baseKey: try reader.fixed(32),
                                         oneTimeKey: try reader.fixed(32))
        let sending = try Self.readSending(&reader)
        let chainCount = Int(try reader.u8())
        guard chainCount <= Self.maxReceiverChains else { throw .malformed("too many receiver chains in pickle") }
        var chains: [OlmReceiverChain] = []
        for _ in 0..<chainCount { chains.append(try Self.readReceiverChain(&reader)) }
        try reader.finish()
        self.init(sessionKeys: sessionKeys, sending: sending, receiverChains: chains)
    }

    private static func readSending(_ reader: inout PickleReader) throws(CryptoError) -> OlmSendingRatchet {
        switch try reader.u8() {
        case 0:
            let root = try readSecret(&reader)
            return .inactive(root: root, remoteRatchetKey: try reader.fixed(32))
        case 1:
            let root = try readSecret(&reader)
            var raw = try reader.fixed(32)
            defer { raw.withUnsafeMutableBytes { zeroize($0) } }
            guard let ratchetKey = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw) else { throw .badKey }
            let chainKey = try readSecret(&reader)
            let chain = OlmSenderChain(ratchetKey: ratchetKey, chainKey: chainKey, index: try reader.u64())
            return .active(root: root, chain: chain)
        default:
            throw .malformed("unknown ratchet state in pickle")
        }
    }

    private static func readReceiverChain(_ reader: inout PickleReader) throws(CryptoError) -> OlmReceiverChain {
        let ratchetKey = try reader.fixed(32)
        let chainKey = try readSecret(&reader)
        let index = try reader.u64()
        let skippedCount = Int(try reader.u8())
        guard skippedCount <= OlmReceiverChain.maxSkippedKeys else { throw .malformed("too many skipped keys in pickle") }
        var skipped: [OlmSkippedKey] = []
        for _ in 0..<skippedCount {
            let skippedIndex = try reader.u64()
            skipped.append(OlmSkippedKey(index: skippedIndex, key: try readSecret(&reader)))
        }
        return OlmReceiverChain(ratchetKey: ratchetKey, chainKey: chainKey, index: index, skipped: skipped)
    }

    static func readSecret(_ reader: inout PickleReader) throws(CryptoError) -> SecretBytes {
        var raw = try reader.fixed(32)
        return SecretBytes(consuming: &raw)
    }
}
