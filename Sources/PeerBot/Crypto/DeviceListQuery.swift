import Foundation
import Logging
import MatrixClient
import MatrixCrypto
import PeerBotStore

/// Reads one user's part of a `/keys/query` answer: every signature checked, nothing unchecked kept.
enum DeviceListQuery {
    /// The user's verified cross-signing keys and devices; nil when their server did not answer
    /// (the user then stays outdated). A user the answer leaves out has no device keys.
    static func verified(_ answer: KeysQueryResponse, user: String, logger: Logger) -> (CrossSigningIdentity?, [VerifiedDeviceKeys])? {
        let server = user.split(separator: ":", maxSplits: 1).last.map(String.init) ?? ""
        guard answer.failures[server] == nil else { return nil }
        let devices = answer.deviceKeys[user] ?? [:]
        let crossSigning = DeviceKeysVerifier.crossSigning(master: CryptoJSON.object(answer.masterKeys[user]),
                                                           selfSigning: CryptoJSON.object(answer.selfSigningKeys[user]), userID: user)
        var verified: [VerifiedDeviceKeys] = []
        for (deviceID, object) in devices.sorted(by: { $0.key < $1.key }) {
            guard let keys = CryptoJSON.object(object).flatMap({ DeviceKeysVerifier.device($0, userID: user, deviceID: deviceID, crossSigning: crossSigning) }) else {
                logger.warning("a device's keys do not verify; it gets no room keys", metadata: ["user": "\(user)", "device": "\(deviceID)"])
                continue
            }
            verified.append(keys)
        }
        return (crossSigning, verified)
    }

    /// Merges the verified devices into the stored list (a device whose keys changed is blocked) and stores it.
    static func save(user: String, crossSigning: CrossSigningIdentity?, verified: [VerifiedDeviceKeys], queriedAtChanges: Int64,
                     at moment: Date, in writer: StoreWriter) throws -> DeviceListUpdate {
        let update = DeviceListUpdate.merge(known: try writer.devices.trackedDevices(of: user), queried: verified)
        try writer.devices.saveDeviceList(userID: user, masterKey: crossSigning?.master, selfSigningKey: crossSigning?.selfSigning,
                                          devices: update.devices, queriedAtChanges: queriedAtChanges, at: moment)
        return update
    }
}
