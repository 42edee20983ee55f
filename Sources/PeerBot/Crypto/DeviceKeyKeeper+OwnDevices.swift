import Foundation
import MatrixClient
import MatrixCrypto
import PeerBotStore

extension DeviceKeyKeeper {
    /// Before the Olm messages of one sync are read: when one comes from a device of the bot's
    /// own user that the store does not know (a device logged in since), the own user's device
    /// list is queried first, so a room key that device forwards is judged on current, checked
    /// keys. A failed query is logged; such a key is then refused, as from an unknown device.
    func refreshOwnDevices(before events: [ToDeviceEvent]) async {
        let senderKeys = events.filter { $0.type == "m.room.encrypted" && $0.sender == userID }
            .compactMap { $0.content["sender_key"]?.stringValue }
        guard !senderKeys.isEmpty else { return }
        do {
            let user = userID
            let (tracked, known) = try database.read { (try $0.devices.trackedUser(user), Set(try $0.devices.trackedDevices(of: user).map(\.curve25519))) }
            guard tracked?.outdated ?? true || senderKeys.contains(where: { !known.contains($0) }) else { return }
            let answer = try await client.queryKeys(users: [user])
            guard let (crossSigning, verified) = DeviceListQuery.verified(answer, user: user, logger: logger) else { return }
            let changes = tracked?.changes ?? 0
            try database.write { writer in
                _ = try DeviceListQuery.save(user: user, crossSigning: crossSigning, verified: verified,
                                             queriedAtChanges: changes, at: Date(), in: writer)
            }
            logger.info("own device list queried", metadata: ["devices": "\(verified.count)"])
        } catch is CancellationError {
            return
        } catch {
            logger.warning("own device list not queried", metadata: ["error": "\(error)"])
        }
    }

    /// Whether the Olm message's sender (`curve25519`, `ed25519`) is a verified other device of
    /// the bot's own user: its master key the one the bot keeps, the device cross-signed.
    static func isVerifiedOwnDevice(curve25519: String, ed25519: String, userID: String, deviceID: String?,
                                    store: StoreReader) throws -> Bool {
        guard let tracked = try store.devices.trackedUser(userID) else { return false }
        return DeviceTrust.isVerifiedOwnDevice(curve25519: curve25519, ed25519: ed25519, among: try store.devices.trackedDevices(of: userID),
                                               listedMaster: tracked.masterKey, listedSelfSigning: tracked.selfSigningKey,
                                               ownMaster: try store.devices.crossSigningKeys()?.masterKey, ownDeviceID: deviceID)
    }
}
