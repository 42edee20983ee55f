// Olm specification, "The Olm Message Format", "Pre-Key Messages": version byte 0x03, the
// One-Time-Key (0x0A), Base-Key (0x12), Identity-Key (0x1A) and Message (0x22) fields.

import Crypto

/// The three public keys that set up an Olm session; their hash is the session id.
public struct OlmSessionKeys: Sendable, Equatable {
    /// The initiator's Curve25519 identity key I_A.
    public let identityKey: [UInt8]
    /// The initiator's single-use base key E_A.
    public let baseKey: [UInt8]
    /// The receiver's one-time (or fallback) key E_B.
    public let oneTimeKey: [UInt8]

    /// Unpadded base64 of SHA-256(I_A ∥ E_A ∥ E_B), the same on both sides of the session.
    public var sessionID: String {
        UnpaddedBase64.encode(SHA256.hash(data: identityKey + baseKey + oneTimeKey))
    }
}

/// An Olm message that also carries what the receiver needs to create the session.
public struct OlmPreKeyMessage: Sendable, Equatable {
    static let version: UInt8 = 3

    /// The keys the session was set up from.
    public let sessionKeys: OlmSessionKeys
    /// The embedded normal message with its own version and MAC.
    public let message: OlmNormalMessage

    init(sessionKeys: OlmSessionKeys, message: OlmNormalMessage) {
        self.sessionKeys = sessionKeys
        self.message = message
    }

    /// Decodes the wire bytes; all three keys and the embedded message are required.
    public init(bytes: some Collection<UInt8>) throws(CryptoError) {
        let bytes = Array(bytes)
        guard let version = bytes.first else { throw .malformed("empty pre-key message") }
        guard version == Self.version else { throw .unsupportedVersion(version) }
        guard bytes.count <= OlmNormalMessage.maxLength else { throw .malformed("pre-key message too long") }
        var keys: [Int: ArraySlice<UInt8>] = [:]
        var reader = ProtoReader(bytes[1...])
        while let field = try reader.next() {
            if case .bytes(let number, let value) = field, (1...4).contains(number) { keys[number] = value }
        }
        func key(_ number: Int, _ name: String) throws(CryptoError) -> [UInt8] {
            guard let value = keys[number], value.count == OlmKeyDerivation.keyLength else {
                throw .malformed("pre-key message without a valid \(name)")
            }
            return Array(value)
        }
        let oneTimeKey = try key(1, "one-time key")
        let baseKey = try key(2, "base key")
        let identityKey = try key(3, "identity key")
        guard let inner = keys[4] else { throw .malformed("pre-key message without a message") }
        sessionKeys = OlmSessionKeys(identityKey: identityKey, baseKey: baseKey, oneTimeKey: oneTimeKey)
        message = try OlmNormalMessage(bytes: inner)
    }

    /// The wire bytes, fields in tag order.
    public var bytes: [UInt8] {
        var writer = ProtoWriter(bytes: [Self.version])
        writer.lengthDelimited(1, sessionKeys.oneTimeKey)
        writer.lengthDelimited(2, sessionKeys.baseKey)
        writer.lengthDelimited(3, sessionKeys.identityKey)
        writer.lengthDelimited(4, message.bytes)
        return writer.bytes
    }

    /// The id of the session this message sets up.
    public var sessionID: String { sessionKeys.sessionID }
}

/// An Olm message as Matrix carries it in `m.room.encrypted`: a type (0 pre-key, 1 normal)
/// and an unpadded base64 body.
public enum OlmMessage: Sendable, Equatable {
    case preKey(OlmPreKeyMessage)
    case normal(OlmNormalMessage)

    /// Decodes the `type` and `body` of an Olm ciphertext entry.
    public init(type: Int, body: String) throws(CryptoError) {
        // Checked on the text so a huge body is refused before it is decoded.
        guard body.utf8.count <= OlmNormalMessage.maxLength * 4 / 3 + 4 else { throw .malformed("Olm message too long") }
        let bytes = try UnpaddedBase64.decode(body)
        switch type {
        case 0: self = .preKey(try OlmPreKeyMessage(bytes: bytes))
        case 1: self = .normal(try OlmNormalMessage(bytes: bytes))
        default: throw .malformed("unknown Olm message type \(type)")
        }
    }

    /// 0 for a pre-key message, 1 for a normal one.
    public var type: Int {
        switch self {
        case .preKey: 0
        case .normal: 1
        }
    }

    /// The wire bytes.
    public var bytes: [UInt8] {
        switch self {
        case .preKey(let message): message.bytes
        case .normal(let message): message.bytes
        }
    }

    /// The unpadded base64 body.
    public var body: String { UnpaddedBase64.encode(bytes) }
}
