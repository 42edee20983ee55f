// Olm specification, "Creating an outbound session" (Bob publishes single-use one-time keys)
// and Matrix spec "Key management" (one-time and fallback keys, `signed_curve25519` ids).

import Crypto

/// A Curve25519 key the account publishes for others to start sessions with.
struct OlmPublishableKey {
    /// The counter behind the key id.
    let id: UInt64
    let privateKey: Curve25519.KeyAgreement.PrivateKey
    var published: Bool

    var publicKey: [UInt8] { Array(privateKey.publicKey.rawRepresentation) }

    /// The key id: unpadded base64 of the big-endian 64-bit counter.
    var keyID: String {
        UnpaddedBase64.encode((0..<8).reversed().map { UInt8(truncatingIfNeeded: id >> (UInt64($0) * 8)) })
    }
}

/// The account's one-time keys, oldest first, never more than `maxStored`.
struct OlmOneTimeKeyStore {
    /// The stock bound: at this size the oldest key is dropped for each new one, so a caller
    /// that never publishes cannot make the account grow without bound.
    static let maxStored = 5000

    var nextID: UInt64 = 0
    private(set) var keys: [OlmPublishableKey] = []

    init(nextID: UInt64 = 0, keys: [OlmPublishableKey] = []) {
        self.nextID = nextID
        self.keys = keys
    }

    /// Makes `count` new keys (at most `maxStored`); returns the public keys it dropped.
    mutating func generate(_ count: Int) -> [[UInt8]] {
        var removed: [[UInt8]] = []
        for _ in 0..<min(max(count, 0), Self.maxStored) {
            if keys.count >= Self.maxStored { removed.append(keys.removeFirst().publicKey) }
            keys.append(OlmPublishableKey(id: nextID, privateKey: .init(), published: false))
            nextID &+= 1
        }
        return removed
    }

    func privateKey(for publicKey: [UInt8]) -> Curve25519.KeyAgreement.PrivateKey? {
        keys.first { $0.publicKey == publicKey }?.privateKey
    }

    mutating func remove(_ publicKey: [UInt8]) {
        keys.removeAll { $0.publicKey == publicKey }
    }

    mutating func markPublished() {
        for index in keys.indices { keys[index].published = true }
    }
}

/// The current fallback key and the one before it, kept until forgotten so that sessions
/// started from it while the new one propagated still succeed.
struct OlmFallbackKeyStore {
    var nextID: UInt64 = 0
    var current: OlmPublishableKey?
    var previous: OlmPublishableKey?

    /// Makes a new current key; returns the public key of the previous one it dropped.
    mutating func generate() -> [UInt8]? {
        let dropped = previous?.publicKey
        previous = current
        current = OlmPublishableKey(id: nextID, privateKey: .init(), published: false)
        nextID &+= 1
        return dropped
    }

    func privateKey(for publicKey: [UInt8]) -> Curve25519.KeyAgreement.PrivateKey? {
        [current, previous].compactMap { $0 }.first { $0.publicKey == publicKey }?.privateKey
    }

    /// Drops the previous key; false when there was none.
    mutating func forgetPrevious() -> Bool {
        defer { previous = nil }
        return previous != nil
    }

    mutating func markPublished() {
        current?.published = true
    }
}
