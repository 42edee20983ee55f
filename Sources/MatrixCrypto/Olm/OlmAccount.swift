// Olm specification, "The Olm Protocol" (identity keys I, one-time keys E) and Matrix spec
// "m.olm.v1.curve25519-aes-sha2" and "Key management": a device's Curve25519 identity key,
// Ed25519 fingerprint key, one-time keys and fallback key.

import Crypto

/// A device's public identity keys in Matrix form (unpadded base64), as `device_keys` lists them.
public struct OlmIdentityKeys: Sendable, Equatable {
    /// The Curve25519 identity key, `curve25519:<device>`.
    public let curve25519: String
    /// The Ed25519 fingerprint key, `ed25519:<device>`.
    public let ed25519: String
}

/// A public key to publish, with its key id (for `signed_curve25519:<id>`).
public struct OlmPublicKey: Sendable, Equatable {
    public let keyID: String
    /// Unpadded base64 of the Curve25519 public key.
    public let key: String
}

/// A device's Olm account: long-term keys, published one-time keys and fallback key, and the
/// factory for its Olm sessions. Pickle it after every change (key generation, inbound session).
public final class OlmAccount {
    /// How many one-time keys a server should hold for the device (the count to top up to).
    public static let maxPublishedOneTimeKeys = 50

    let signingKey: Curve25519.Signing.PrivateKey
    let identityKey: Curve25519.KeyAgreement.PrivateKey
    var oneTimeKeys: OlmOneTimeKeyStore
    var fallbackKeys: OlmFallbackKeyStore

    /// A new account with fresh random keys.
    public convenience init() {
        self.init(signingKey: .init(), identityKey: .init(), oneTimeKeys: .init(), fallbackKeys: .init())
    }

    init(signingKey: Curve25519.Signing.PrivateKey, identityKey: Curve25519.KeyAgreement.PrivateKey,
         oneTimeKeys: OlmOneTimeKeyStore, fallbackKeys: OlmFallbackKeyStore) {
        self.signingKey = signingKey
        self.identityKey = identityKey
        self.oneTimeKeys = oneTimeKeys
        self.fallbackKeys = fallbackKeys
    }

    /// The Curve25519 and Ed25519 public keys, unpadded base64.
    public var identityKeys: OlmIdentityKeys {
        OlmIdentityKeys(curve25519: UnpaddedBase64.encode(identityKey.publicKey.rawRepresentation),
                        ed25519: UnpaddedBase64.encode(signingKey.publicKey.rawRepresentation))
    }

    /// The raw 64-byte Ed25519 signature of `message` by the fingerprint key.
    public func signature(for message: some Collection<UInt8>) -> [UInt8] {
        // Ed25519 signing with a valid private key has no failure case.
        Array(try! signingKey.signature(for: Array(message)))
    }

    /// The Ed25519 signature of `message`, unpadded base64 as Matrix `signatures` hold it.
    public func sign(_ message: some Collection<UInt8>) -> String {
        UnpaddedBase64.encode(signature(for: message))
    }

    /// Checks an Ed25519 `signature` (unpadded base64) of `message` by `ed25519Key` (unpadded
    /// base64): `.badKey` or `.badBase64` for unreadable input, `.badSignature` when it does
    /// not verify.
    public static func verify(signature: String, of message: some Collection<UInt8>, by ed25519Key: String) throws(CryptoError) {
        let key = try Ed25519.publicKey(ed25519Key)
        try Ed25519.verify(signature: try UnpaddedBase64.decode(signature), of: message, by: key)
    }

    // MARK: One-time and fallback keys

    /// Makes `count` new one-time keys (at most `OlmOneTimeKeyStore.maxStored` per call).
    /// Returns the public keys dropped because the stock was full (oldest first).
    @discardableResult
    public func generateOneTimeKeys(count: Int) -> [String] {
        oneTimeKeys.generate(count).map { UnpaddedBase64.encode($0) }
    }

    /// The one-time keys not yet marked published, oldest first.
    public var unpublishedOneTimeKeys: [OlmPublicKey] {
        oneTimeKeys.keys.filter { !$0.published }.map { OlmPublicKey(keyID: $0.keyID, key: UnpaddedBase64.encode($0.publicKey)) }
    }

    /// How many one-time keys (published or not) the account still holds.
    public var storedOneTimeKeyCount: Int { oneTimeKeys.keys.count }

    /// Makes a new fallback key; the current one is kept as previous until
    /// `forgetPreviousFallbackKey()`. Returns the public key of a previous one it dropped.
    @discardableResult
    public func generateFallbackKey() -> String? {
        fallbackKeys.generate().map { UnpaddedBase64.encode($0) }
    }

    /// The current fallback key while it is not yet published.
    public var unpublishedFallbackKey: OlmPublicKey? {
        guard let key = fallbackKeys.current, !key.published else { return nil }
        return OlmPublicKey(keyID: key.keyID, key: UnpaddedBase64.encode(key.publicKey))
    }

    /// Forgets the previous fallback key; false when there was none.
    @discardableResult
    public func forgetPreviousFallbackKey() -> Bool {
        fallbackKeys.forgetPrevious()
    }

    /// Marks every one-time key and the fallback key as uploaded.
    public func markKeysAsPublished() {
        oneTimeKeys.markPublished()
        fallbackKeys.markPublished()
    }
}
