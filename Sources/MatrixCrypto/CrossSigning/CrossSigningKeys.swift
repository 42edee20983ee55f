// Matrix spec, Client-Server API, "Cross-signing": a master key, a self-signing key that signs
// the user's own devices and a user-signing key that signs other users' master keys; the second
// and third are signed by the master key, and each key object names its usage.

import Crypto

/// A user's three cross-signing key pairs. The private halves leave only sealed (`sealed(key:)`).
public struct CrossSigningKeys: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    let master: Curve25519.Signing.PrivateKey
    let selfSigning: Curve25519.Signing.PrivateKey
    let userSigning: Curve25519.Signing.PrivateKey

    /// Three fresh key pairs.
    public init() {
        master = Curve25519.Signing.PrivateKey()
        selfSigning = Curve25519.Signing.PrivateKey()
        userSigning = Curve25519.Signing.PrivateKey()
    }

    /// Reopens keys sealed by `sealed(key:)`.
    public init(sealed: String, key: PickleKey) throws(CryptoError) {
        var bytes = try key.open(sealed)
        defer { bytes.withUnsafeMutableBytes { zeroize($0) } }
        guard bytes.count == 96,
              let master = try? Curve25519.Signing.PrivateKey(rawRepresentation: bytes[0..<32]),
              let selfSigning = try? Curve25519.Signing.PrivateKey(rawRepresentation: bytes[32..<64]),
              let userSigning = try? Curve25519.Signing.PrivateKey(rawRepresentation: bytes[64..<96]) else {
            throw .malformed("cross-signing keys")
        }
        self.master = master
        self.selfSigning = selfSigning
        self.userSigning = userSigning
    }

    /// The three private keys sealed under `key`.
    public func sealed(key: PickleKey) -> String {
        var bytes = Array(master.rawRepresentation) + Array(selfSigning.rawRepresentation) + Array(userSigning.rawRepresentation)
        defer { bytes.withUnsafeMutableBytes { zeroize($0) } }
        return key.seal(bytes)
    }

    public var masterPublicKey: String { UnpaddedBase64.encode(master.publicKey.rawRepresentation) }
    public var selfSigningPublicKey: String { UnpaddedBase64.encode(selfSigning.publicKey.rawRepresentation) }
    public var userSigningPublicKey: String { UnpaddedBase64.encode(userSigning.publicKey.rawRepresentation) }

    /// `master_key`, signed also by the device (`deviceSigner`, key id `ed25519:<deviceID>`) so
    /// the user's other clients can tie the two together.
    public func masterKeyObject(userID: String, deviceID: String, deviceSigner: ([UInt8]) -> String) throws(CryptoError) -> [String: JSONValue] {
        let object = Self.keyObject(userID: userID, usage: "master", publicKey: masterPublicKey)
        return try JSONSigning.sign(object, entity: userID, keyID: "ed25519:\(deviceID)", signer: deviceSigner)
    }

    /// `self_signing_key`, signed by the master key.
    public func selfSigningKeyObject(userID: String) throws(CryptoError) -> [String: JSONValue] {
        try signedByMaster(Self.keyObject(userID: userID, usage: "self_signing", publicKey: selfSigningPublicKey), userID: userID)
    }

    /// `user_signing_key`, signed by the master key.
    public func userSigningKeyObject(userID: String) throws(CryptoError) -> [String: JSONValue] {
        try signedByMaster(Self.keyObject(userID: userID, usage: "user_signing", publicKey: userSigningPublicKey), userID: userID)
    }

    /// One of the user's own devices' key objects with the self-signing key's signature added.
    public func signDevice(_ deviceKeys: [String: JSONValue], userID: String) throws(CryptoError) -> [String: JSONValue] {
        try JSONSigning.sign(deviceKeys, entity: userID, keyID: "ed25519:\(selfSigningPublicKey)", key: selfSigning)
    }

    private func signedByMaster(_ object: [String: JSONValue], userID: String) throws(CryptoError) -> [String: JSONValue] {
        try JSONSigning.sign(object, entity: userID, keyID: "ed25519:\(masterPublicKey)", key: master)
    }

    static func keyObject(userID: String, usage: String, publicKey: String) -> [String: JSONValue] {
        ["user_id": .string(userID), "usage": .array([.string(usage)]), "keys": .object(["ed25519:\(publicKey)": .string(publicKey)])]
    }

    public var description: String { "CrossSigningKeys(master \(masterPublicKey), private keys redacted)" }
    public var debugDescription: String { description }
}
