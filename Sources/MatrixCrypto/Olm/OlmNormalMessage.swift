// Olm specification, "The Olm Message Format", "Normal Messages": version byte 0x03, the
// Ratchet-Key (0x0A), Chain-Index (0x10) and Cipher-Text (0x22) fields, then the 8-byte MAC.

/// An Olm message on an established session: the sender's ratchet key, chain index and ciphertext.
public struct OlmNormalMessage: Sendable, Equatable {
    static let version: UInt8 = 3
    /// Olm messages travel inside Matrix events, which are at most 64 KiB; a larger body is
    /// refused before any work is done on it.
    static let maxLength = 1 << 16

    /// The sender's current ratchet public key T_i (32 bytes).
    public let ratchetKey: [UInt8]
    /// The chain index j of the message key.
    public let chainIndex: UInt64
    /// The AES-256-CBC ciphertext X_i,j.
    public let ciphertext: [UInt8]
    /// The truncated HMAC over the version byte and payload.
    let mac: [UInt8]
    /// The version byte and payload exactly as received, which the MAC protects.
    let authenticated: [UInt8]

    /// Encrypts `plaintext` under `messageKey` and authenticates the encoding.
    init(ratchetKey: [UInt8], chainIndex: UInt64, plaintext: [UInt8], messageKey: SecretBytes) {
        var secret = messageKey.bytes
        let cipher = CBCHMACCipher(secret: &secret, info: "OLM_KEYS")
        let ciphertext = cipher.encrypt(plaintext)
        let authenticated = Self.authenticatedBytes(ratchetKey: ratchetKey, chainIndex: chainIndex, ciphertext: ciphertext)
        self.ratchetKey = ratchetKey
        self.chainIndex = chainIndex
        self.ciphertext = ciphertext
        self.authenticated = authenticated
        self.mac = cipher.mac(authenticated)
    }

    /// The version byte and the three fields in tag order, which the MAC is computed over.
    static func authenticatedBytes(ratchetKey: [UInt8], chainIndex: UInt64, ciphertext: [UInt8]) -> [UInt8] {
        var writer = ProtoWriter(bytes: [version])
        writer.lengthDelimited(1, ratchetKey)
        writer.varint(2, chainIndex)
        writer.lengthDelimited(4, ciphertext)
        return writer.bytes
    }

    /// Decodes the wire bytes; the MAC is checked later, by the key that can check it.
    public init(bytes: some Collection<UInt8>) throws(CryptoError) {
        let bytes = Array(bytes)
        guard let version = bytes.first else { throw .malformed("empty Olm message") }
        guard version == Self.version else { throw .unsupportedVersion(version) }
        guard bytes.count <= Self.maxLength else { throw .malformed("Olm message too long") }
        guard bytes.count >= 2 + CBCHMACCipher.macLength else { throw .malformed("Olm message too short") }
        let bodyEnd = bytes.count - CBCHMACCipher.macLength
        var ratchetKey: ArraySlice<UInt8>?
        var chainIndex: UInt64?
        var ciphertext: ArraySlice<UInt8>?
        var reader = ProtoReader(bytes[1..<bodyEnd])
        // Unknown fields are skipped, as protobuf readers do, so later additions stay readable.
        while let field = try reader.next() {
            switch field {
            case .bytes(field: 1, let value): ratchetKey = value
            case .varint(field: 2, let value): chainIndex = value
            case .bytes(field: 4, let value): ciphertext = value
            default: continue
            }
        }
        guard let ratchetKey, ratchetKey.count == OlmKeyDerivation.keyLength else { throw .malformed("Olm message without a valid ratchet key") }
        guard let chainIndex else { throw .malformed("Olm message without a chain index") }
        guard let ciphertext else { throw .malformed("Olm message without ciphertext") }
        self.ratchetKey = Array(ratchetKey)
        self.chainIndex = chainIndex
        self.ciphertext = Array(ciphertext)
        self.authenticated = Array(bytes[0..<bodyEnd])
        self.mac = Array(bytes[bodyEnd...])
    }

    /// The wire bytes: version, payload, MAC.
    public var bytes: [UInt8] { authenticated + mac }

    /// Checks the MAC under `messageKey`, then decrypts.
    func decrypt(messageKey: SecretBytes) throws(CryptoError) -> [UInt8] {
        var secret = messageKey.bytes
        let cipher = CBCHMACCipher(secret: &secret, info: "OLM_KEYS")
        try cipher.verify(authenticated, mac: mac)
        return try cipher.decrypt(ciphertext)
    }
}
