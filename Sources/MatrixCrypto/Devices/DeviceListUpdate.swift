// Issue "Encrypted rooms, part 2", trust rules of SPEC "Encrypted rooms": cross-signed devices of
// users with cross-signing, every device otherwise (trust on first use); a device whose keys
// change under the same id is never trusted again.

/// A device as the bot keeps it between queries.
public struct KnownDevice: Sendable, Equatable, Hashable {
    public let userID: String
    public let deviceID: String
    public let curve25519: String
    public let ed25519: String
    /// Signed by its user's self-signing key (itself signed by their master key).
    public let crossSigned: Bool
    /// Its keys changed under the same device id: never given a room key again.
    public let blocked: Bool

    public init(userID: String, deviceID: String, curve25519: String, ed25519: String, crossSigned: Bool, blocked: Bool) {
        self.userID = userID
        self.deviceID = deviceID
        self.curve25519 = curve25519
        self.ed25519 = ed25519
        self.crossSigned = crossSigned
        self.blocked = blocked
    }
}

/// What one `/keys/query` answer changes in a user's known devices.
public struct DeviceListUpdate: Sendable, Equatable {
    /// The devices to keep: the queried ones, plus every blocked one (so a blocked id stays
    /// blocked even after it disappears and comes back).
    public let devices: [KnownDevice]
    /// Devices whose keys changed under the same id in this answer: newly blocked.
    public let keysChanged: [KnownDevice]
    /// Devices no longer listed (logged out).
    public let removed: [String]

    /// Merges the checked devices of one answer into the known ones.
    public static func merge(known: [KnownDevice], queried: [VerifiedDeviceKeys]) -> DeviceListUpdate {
        let byID = Dictionary(known.map { ($0.deviceID, $0) }, uniquingKeysWith: { first, _ in first })
        var devices: [KnownDevice] = []
        var changed: [KnownDevice] = []
        for device in queried {
            let previous = byID[device.deviceID]
            let sameKeys = previous.map { $0.curve25519 == device.curve25519 && $0.ed25519 == device.ed25519 } ?? true
            // The keys first seen stay the ones a changed device is judged by.
            let blocked = (previous?.blocked ?? false) || !sameKeys
            let kept = KnownDevice(userID: device.userID, deviceID: device.deviceID,
                                   curve25519: previous?.curve25519 ?? device.curve25519, ed25519: previous?.ed25519 ?? device.ed25519,
                                   crossSigned: device.crossSigned, blocked: blocked)
            devices.append(kept)
            if !sameKeys && !(previous?.blocked ?? false) { changed.append(kept) }
        }
        let listed = Set(queried.map(\.deviceID))
        devices += known.filter { $0.blocked && !listed.contains($0.deviceID) }
        let removed = known.filter { !$0.blocked && !listed.contains($0.deviceID) }.map(\.deviceID)
        return DeviceListUpdate(devices: devices.sorted { $0.deviceID < $1.deviceID }, keysChanged: changed, removed: removed.sorted())
    }
}

/// Which devices get room keys.
public enum DeviceTrust {
    /// Never a blocked device; only cross-signed ones of a user with cross-signing; all of a
    /// user without (trust on first use).
    public static func trusted(_ devices: [KnownDevice], userHasCrossSigning: Bool) -> [KnownDevice] {
        devices.filter { !$0.blocked && (!userHasCrossSigning || $0.crossSigned) }
    }

    /// Whether the device that holds `curve25519` and `ed25519` is another device of the bot's
    /// own user that the bot may believe: listed, not blocked, and cross-signed by a self-signing
    /// key that the bot's own master key (`ownMaster`, the one it keeps) signed, i.e. the
    /// answer's master key is the bot's own. `ownDeviceID` is the bot's device, never "another".
    public static func isVerifiedOwnDevice(curve25519: String, ed25519: String, among devices: [KnownDevice],
                                           listedMaster: String?, listedSelfSigning: String?, ownMaster: String?,
                                           ownDeviceID: String?) -> Bool {
        guard let ownMaster, listedMaster == ownMaster, listedSelfSigning != nil else { return false }
        return devices.contains {
            $0.curve25519 == curve25519 && $0.ed25519 == ed25519 && $0.crossSigned && !$0.blocked && $0.deviceID != ownDeviceID
        }
    }
}
