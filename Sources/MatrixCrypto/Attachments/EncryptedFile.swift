// Matrix spec, "End-to-End Encryption", "Sending encrypted attachments": the `file` object
// (EncryptedFile) with its JWK (RFC 7517) key, IV and SHA-256 hash.

/// The `file` object of an encrypted attachment; `url` is filled in after the upload.
public struct EncryptedFile: Codable, Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public var url: String
    public var key: JSONWebKey
    /// Unpadded base64 of the 16-byte initial counter block.
    public var iv: String
    /// Unpadded base64 digests of the ciphertext; `sha256` is required.
    public var hashes: [String: String]
    /// "v2" for files this implementation writes and reads.
    public var v: String

    public init(url: String, key: JSONWebKey, iv: String, hashes: [String: String], v: String = "v2") {
        self.url = url
        self.key = key
        self.iv = iv
        self.hashes = hashes
        self.v = v
    }

    /// The object as the JSON dictionary an event's content carries.
    public var jsonValue: JSONValue {
        .object([
            "url": .string(url),
            "key": .object([
                "kty": .string(key.kty), "alg": .string(key.alg), "k": .string(key.k), "ext": .bool(key.ext),
                "key_ops": .array(key.keyOps.map(JSONValue.string)),
            ]),
            "iv": .string(iv),
            "hashes": .object(hashes.mapValues(JSONValue.string)),
            "v": .string(v),
        ])
    }

    public var description: String { "EncryptedFile(\(url), \(v))" }
    public var debugDescription: String { description }
}

/// The symmetric key of an attachment as a JSON Web Key: kty "oct", alg "A256CTR".
public struct JSONWebKey: Codable, Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public var kty: String
    public var keyOps: [String]
    public var alg: String
    /// The key itself, base64url without padding (RFC 7515).
    public var k: String
    public var ext: Bool

    enum CodingKeys: String, CodingKey {
        case kty, alg, k, ext
        case keyOps = "key_ops"
    }

    /// A key in the form the spec requires for A256CTR.
    public init(k: String) {
        self.init(kty: "oct", keyOps: ["encrypt", "decrypt"], alg: "A256CTR", k: k, ext: true)
    }

    public init(kty: String, keyOps: [String], alg: String, k: String, ext: Bool) {
        self.kty = kty
        self.keyOps = keyOps
        self.alg = alg
        self.k = k
        self.ext = ext
    }

    public var description: String { "JSONWebKey(\(alg), redacted)" }
    public var debugDescription: String { description }
}
