// Matrix spec, Client-Server API, "End-to-End Encryption": device keys and signed one-time keys
// as `/keys/upload` takes them, each signed by the device's Ed25519 key over canonical JSON.

import MatrixCrypto

/// The signed objects the bot publishes for its device, made from its Olm account.
enum DeviceKeyDocuments {
    /// The encryption algorithms the device supports: Olm for to-device, Megolm for rooms.
    static let algorithms = ["m.olm.v1.curve25519-aes-sha2", "m.megolm.v1.aes-sha2"]
    /// The one-time key algorithm the server counts.
    static let oneTimeKeyAlgorithm = "signed_curve25519"

    /// `device_keys`: user, device, algorithms and both identity keys, self-signed.
    static func deviceKeys(_ account: OlmAccount, userID: String, deviceID: String) throws(CryptoError) -> [String: JSONValue] {
        let identity = account.identityKeys
        let unsigned: [String: JSONValue] = [
            "user_id": .string(userID),
            "device_id": .string(deviceID),
            "algorithms": .array(algorithms.map { .string($0) }),
            "keys": .object([
                "curve25519:\(deviceID)": .string(identity.curve25519),
                "ed25519:\(deviceID)": .string(identity.ed25519),
            ]),
        ]
        return try sign(unsigned, account, userID: userID, deviceID: deviceID)
    }

    /// `one_time_keys` or `fallback_keys`: each key as `signed_curve25519:<id>`, signed; a
    /// fallback key carries `fallback: true` inside the signed part.
    static func signedKeys(_ keys: [OlmPublicKey], fallback: Bool, _ account: OlmAccount,
                           userID: String, deviceID: String) throws(CryptoError) -> [String: JSONValue] {
        var signed: [String: JSONValue] = [:]
        for key in keys {
            var object: [String: JSONValue] = ["key": .string(key.key)]
            if fallback { object["fallback"] = .bool(true) }
            signed["\(oneTimeKeyAlgorithm):\(key.keyID)"] = .object(try sign(object, account, userID: userID, deviceID: deviceID))
        }
        return signed
    }

    private static func sign(_ object: [String: JSONValue], _ account: OlmAccount,
                             userID: String, deviceID: String) throws(CryptoError) -> [String: JSONValue] {
        try JSONSigning.sign(object, entity: userID, keyID: "ed25519:\(deviceID)") { account.sign($0) }
    }
}

/// How many keys to make before the next upload, from what the server last reported.
struct KeyStockPlan: Equatable, Sendable {
    /// New one-time keys to make (then publish with any still unpublished).
    var newOneTimeKeys: Int
    /// Whether to make a new fallback key (the published one was used).
    var newFallbackKey: Bool

    /// The server's one-time key stock is kept at half of what the account may have published,
    /// so there is room for new keys before the oldest unclaimed ones must be dropped.
    static let oneTimeKeyTarget = OlmAccount.maxPublishedOneTimeKeys / 2

    /// `serverCount` nil: the server did not report a count, so nothing is made. Keys made but
    /// not yet published (an upload that failed) count towards the target.
    /// `unusedFallbackTypes` nil: the server did not say, so the fallback key is left alone.
    static func plan(serverCount: Int?, unpublished: Int, unusedFallbackTypes: [String]?,
                     hasUnpublishedFallback: Bool) -> KeyStockPlan {
        let missing = serverCount.map { max(0, oneTimeKeyTarget - max(0, $0) - unpublished) } ?? 0
        let fallbackUsed = unusedFallbackTypes.map { !$0.contains(DeviceKeyDocuments.oneTimeKeyAlgorithm) } ?? false
        return KeyStockPlan(newOneTimeKeys: missing, newFallbackKey: fallbackUsed && !hasUnpublishedFallback)
    }

    var isEmpty: Bool { newOneTimeKeys == 0 && !newFallbackKey }
}
