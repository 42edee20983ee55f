// Megolm specification, "Message format": version byte 3, field 1 (key 0x08) message index,
// field 2 (key 0x12) AES ciphertext, 8-byte truncated MAC, 64-byte Ed25519 signature.

/// A decoded Megolm message, not yet authenticated.
struct MegolmMessage: Equatable, Sendable {
    static let version: UInt8 = 3
    static let signatureLength = 64
    private static let suffixLength = CBCHMACCipher.macLength + signatureLength

    let messageIndex: UInt32
    let ciphertext: [UInt8]
    /// Version byte and fields: what the MAC covers.
    let macInput: ArraySlice<UInt8>
    let mac: ArraySlice<UInt8>
    /// Everything before the signature: what the signature covers.
    let signatureInput: ArraySlice<UInt8>
    let signature: ArraySlice<UInt8>

    /// Parses the raw bytes; `.malformed` or `.unsupportedVersion` for anything not a v3 message.
    init(bytes: [UInt8]) throws(CryptoError) {
        guard let version = bytes.first else { throw .malformed("empty message") }
        guard version == MegolmMessage.version else { throw .unsupportedVersion(version) }
        guard bytes.count >= 1 + MegolmMessage.suffixLength else { throw .malformed("message too short") }
        let macStart = bytes.count - MegolmMessage.suffixLength
        let signatureStart = bytes.count - MegolmMessage.signatureLength
        var reader = ProtoReader(bytes[1..<macStart])
        var index: UInt64?
        var ciphertext: ArraySlice<UInt8>?
        while let field = try reader.next() {
            switch field {
            case .varint(field: 1, let value): index = value
            case .bytes(field: 2, let value): ciphertext = value
            default: continue  // Unknown fields are skipped, as protobuf readers do.
            }
        }
        guard let index, let ciphertext else { throw .malformed("message index or ciphertext missing") }
        guard index <= UInt64(UInt32.max) else { throw .malformed("message index too large") }
        messageIndex = UInt32(index)
        self.ciphertext = Array(ciphertext)
        macInput = bytes[0..<macStart]
        mac = bytes[macStart..<signatureStart]
        signatureInput = bytes[0..<signatureStart]
        signature = bytes[signatureStart...]
    }

    /// The version byte and fields, before MAC and signature are appended.
    static func body(index: UInt32, ciphertext: [UInt8]) -> [UInt8] {
        var writer = ProtoWriter(bytes: [version])
        writer.varint(1, UInt64(index))
        writer.lengthDelimited(2, ciphertext)
        return writer.bytes
    }
}
