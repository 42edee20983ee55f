// Matrix spec, Client-Server API, "End-to-End Encryption": "Downloading keys" (a device's keys
// must name the user and device they were asked for and carry a valid self-signature) and
// "Cross-signing" (master key → self-signing key → device).

/// A device's identity keys, checked: they name the queried user and device and are self-signed.
public struct VerifiedDeviceKeys: Sendable, Equatable {
    public let userID: String
    public let deviceID: String
    public let curve25519: String
    public let ed25519: String
    /// Signed by the user's self-signing key, which their master key signed.
    public let crossSigned: Bool
}

/// A user's checked cross-signing keys (unpadded base64 Ed25519 public keys).
public struct CrossSigningIdentity: Sendable, Equatable {
    public let master: String
    public let selfSigning: String
}

/// Checks what `/keys/query` returns before any key in it is used.
public enum DeviceKeysVerifier {
    /// The device's keys, or nil when the object names another user or device, lacks a key,
    /// or its self-signature (by its own Ed25519 key) does not verify.
    public static func device(_ object: [String: JSONValue], userID: String, deviceID: String,
                              crossSigning: CrossSigningIdentity?) -> VerifiedDeviceKeys? {
        guard object["user_id"]?.stringValue == userID, object["device_id"]?.stringValue == deviceID,
              let keys = object["keys"]?.objectValue,
              let curve = keys["curve25519:\(deviceID)"]?.stringValue, !curve.isEmpty,
              let ed25519 = keys["ed25519:\(deviceID)"]?.stringValue, !ed25519.isEmpty else { return nil }
        guard (try? JSONSigning.verify(object, entity: userID, keyID: "ed25519:\(deviceID)", publicKey: ed25519)) != nil else {
            return nil
        }
        let crossSigned = crossSigning.map { keys in
            (try? JSONSigning.verify(object, entity: userID, keyID: "ed25519:\(keys.selfSigning)", publicKey: keys.selfSigning)) != nil
        } ?? false
        return VerifiedDeviceKeys(userID: userID, deviceID: deviceID, curve25519: curve, ed25519: ed25519, crossSigned: crossSigned)
    }

    /// The user's master and self-signing keys when both are well-formed for `userID` and the
    /// master key signed the self-signing key; nil otherwise (the user has no cross-signing the
    /// bot can rely on).
    public static func crossSigning(master: [String: JSONValue]?, selfSigning: [String: JSONValue]?,
                                    userID: String) -> CrossSigningIdentity? {
        guard let master, let selfSigning,
              let masterKey = singleKey(master, usage: "master", userID: userID),
              let selfSigningKey = singleKey(selfSigning, usage: "self_signing", userID: userID) else { return nil }
        guard (try? JSONSigning.verify(selfSigning, entity: userID, keyID: "ed25519:\(masterKey)", publicKey: masterKey)) != nil else {
            return nil
        }
        return CrossSigningIdentity(master: masterKey, selfSigning: selfSigningKey)
    }

    /// The one Ed25519 key of a cross-signing key object with this usage, named by its own id.
    private static func singleKey(_ object: [String: JSONValue], usage: String, userID: String) -> String? {
        guard object["user_id"]?.stringValue == userID,
              case .array(let usages)? = object["usage"], usages.contains(.string(usage)),
              let keys = object["keys"]?.objectValue, keys.count == 1,
              let (keyID, value) = keys.first, let key = value.stringValue,
              keyID == "ed25519:\(key)", (try? Ed25519.publicKey(key)) != nil else { return nil }
        return key
    }
}
