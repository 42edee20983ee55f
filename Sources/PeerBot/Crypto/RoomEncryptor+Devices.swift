import Foundation
import MatrixClient
import MatrixCrypto
import PeerBotStore
import PeerLearning

extension RoomEncryptor {
    /// The room's joined and invited members; the list is read whole from the homeserver the
    /// first time (sync's lazy-loaded state holds only some of them), then kept by sync.
    func members(roomID: String, state: RoomEncryptionState) async throws -> [String] {
        if !state.membersLoaded {
            let all = try await client.roomMembers(roomID: roomID)
            let moment = now()
            try database.write { writer in
                try writer.devices.replaceEncryptedRoomMembers(roomID, members: all)
                let fresh = try all.keys.filter { try writer.devices.trackedUser($0) == nil }
                try writer.devices.markDeviceListsOutdated(fresh, at: moment)
            }
        }
        return try database.read { try $0.devices.encryptedRoomMembers(roomID) }.keys.sorted()
    }

    /// Queries the device lists of `users` that are new or marked changed, checks every
    /// signature, and stores the result; a device whose keys changed is blocked and reported to
    /// the supervisor room. A user whose server did not answer stays outdated for next time.
    /// Returns whether any list was queried.
    @discardableResult
    func refreshDevices(_ users: [String]) async throws -> Bool {
        let tracked = try database.read { reader in try users.map { ($0, try reader.devices.trackedUser($0)) } }
        let outdated = tracked.filter { $0.1?.outdated ?? true }.map(\.0)
        guard !outdated.isEmpty else { return false }
        logger.debug("device lists queried before sharing", metadata: ["users": "\(outdated.count)", "tracked": "\(tracked.filter { $0.1 != nil }.count)"])
        let changes = Dictionary(tracked.map { ($0.0, $0.1?.changes ?? 0) }, uniquingKeysWith: { first, _ in first })
        let answer = try await client.queryKeys(users: outdated)
        for user in outdated {
            guard let (crossSigning, verified) = DeviceListQuery.verified(answer, user: user, logger: logger) else { continue }
            try store(user: user, crossSigning: crossSigning, verified: verified, queriedAtChanges: changes[user] ?? 0)
        }
        return true
    }

    private func store(user: String, crossSigning: CrossSigningIdentity?, verified: [VerifiedDeviceKeys], queriedAtChanges: Int64) throws {
        let (moment, language) = (now(), language)
        let update = try database.write { writer in
            let update = try DeviceListQuery.save(user: user, crossSigning: crossSigning, verified: verified,
                                                  queriedAtChanges: queriedAtChanges, at: moment, in: writer)
            if let room = try writer.rooms.supervisor()?.roomID {
                for device in update.keysChanged {
                    try writer.enqueue(Texts(language).deviceKeysChanged(userID: user, deviceID: device.deviceID), to: room)
                }
            }
            // A device that logged out must not read what comes next: the rooms it shared get a new session.
            if !update.removed.isEmpty {
                for roomID in try writer.devices.encryptedRooms(of: user) { try writer.keys.discardOutboundSession(roomID: roomID) }
            }
            return update
        }
        for device in update.keysChanged {
            logger.warning("a device's keys changed under the same id; it gets no more room keys",
                           metadata: ["user": "\(user)", "device": "\(device.deviceID)"])
        }
    }

    /// The devices of `users` that get room keys, as SPEC's trust rule says, without the bot's own.
    func trustedDevices(of users: [String], own: OwnDevice) throws -> [KnownDevice] {
        try database.read { reader in
            var devices: [KnownDevice] = []
            for user in users {
                guard let tracked = try reader.devices.trackedUser(user) else { continue }
                let known = try reader.devices.trackedDevices(of: user).map {
                    KnownDevice(userID: $0.userID, deviceID: $0.deviceID, curve25519: $0.curve25519, ed25519: $0.ed25519,
                                crossSigned: $0.crossSigned, blocked: $0.blocked)
                }
                devices += DeviceTrust.trusted(known, userHasCrossSigning: tracked.selfSigningKey != nil)
                    .filter { !($0.userID == own.userID && $0.deviceID == own.deviceID) }
            }
            return devices
        }
    }
}

/// Moves JSON from the homeserver client's type to MatrixCrypto's canonical one (same text).
enum CryptoJSON {
    static func object(_ value: ClientJSON?) -> [String: MatrixCrypto.JSONValue]? {
        guard let value, let data = try? JSONEncoder().encode(value) else { return nil }
        return (try? JSONDecoder().decode(MatrixCrypto.JSONValue.self, from: data))?.objectValue
    }
}
