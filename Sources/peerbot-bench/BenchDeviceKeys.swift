// Matrix spec, Client-Server API, "End-to-End Encryption": the signed device keys and one-time
// keys a device publishes with `/keys/upload`, and the check of another device's signed keys.

import Foundation
import MatrixCrypto

/// The bench's signed key documents, as JSON bytes: this file alone uses MatrixCrypto's JSON type,
/// so the client's JSON type stays unambiguous elsewhere.
enum BenchDeviceKeys {
    static let olm = "m.olm.v1.curve25519-aes-sha2"
    static let megolm = "m.megolm.v1.aes-sha2"

    /// The `/keys/upload` body: device keys, `count` one-time keys and a fallback key, all signed.
    static func uploadBody(_ account: OlmAccount, userID: String, deviceID: String, oneTimeKeys count: Int) throws -> Data {
        let identity = account.identityKeys
        let device: [String: JSONValue] = [
            "user_id": .string(userID), "device_id": .string(deviceID),
            "algorithms": .array([.string(olm), .string(megolm)]),
            "keys": .object(["curve25519:\(deviceID)": .string(identity.curve25519),
                             "ed25519:\(deviceID)": .string(identity.ed25519)]),
        ]
        _ = account.generateOneTimeKeys(count: count)
        _ = account.generateFallbackKey()
        func signed(_ keys: [OlmPublicKey], fallback: Bool) throws -> JSONValue {
            var all: [String: JSONValue] = [:]
            for key in keys {
                var object: [String: JSONValue] = ["key": .string(key.key)]
                if fallback { object["fallback"] = .bool(true) }
                all["signed_curve25519:\(key.keyID)"] = .object(try sign(object, account, userID, deviceID))
            }
            return .object(all)
        }
        let body = JSONValue.object([
            "device_keys": .object(try sign(device, account, userID, deviceID)),
            "one_time_keys": try signed(account.unpublishedOneTimeKeys, fallback: false),
            "fallback_keys": try signed(account.unpublishedFallbackKey.map { [$0] } ?? [], fallback: true),
        ])
        account.markKeysAsPublished()
        return Data(try CanonicalJSON.encode(body))
    }

    /// The Curve25519 and Ed25519 keys of a `/keys/query` device entry, once its self-signature
    /// checks out; nil for an entry that does not (a bench must not share a key with a forgery).
    static func verifiedKeys(_ entry: Data, userID: String, deviceID: String) -> (curve25519: String, ed25519: String)? {
        guard let object = (try? JSONDecoder().decode(JSONValue.self, from: entry))?.objectValue,
              let keys = object["keys"]?.objectValue,
              let curve = keys["curve25519:\(deviceID)"]?.stringValue,
              let ed = keys["ed25519:\(deviceID)"]?.stringValue,
              object["user_id"]?.stringValue == userID, object["device_id"]?.stringValue == deviceID,
              (try? JSONSigning.verify(object, entity: userID, keyID: "ed25519:\(deviceID)", publicKey: ed)) != nil
        else { return nil }
        return (curve, ed)
    }

    /// Whether a claimed one-time key entry is signed by the device's Ed25519 key.
    static func verifiedOneTimeKey(_ entry: Data, userID: String, deviceID: String, ed25519: String) -> String? {
        guard let object = (try? JSONDecoder().decode(JSONValue.self, from: entry))?.objectValue,
              let key = object["key"]?.stringValue,
              (try? JSONSigning.verify(object, entity: userID, keyID: "ed25519:\(deviceID)", publicKey: ed25519)) != nil
        else { return nil }
        return key
    }

    private static func sign(_ object: [String: JSONValue], _ account: OlmAccount, _ userID: String,
                             _ deviceID: String) throws -> [String: JSONValue] {
        try JSONSigning.sign(object, entity: userID, keyID: "ed25519:\(deviceID)") { account.sign($0) }
    }
}
