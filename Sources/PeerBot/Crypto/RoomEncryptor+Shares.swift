import Foundation
import MatrixClient
import MatrixCrypto
import PeerBotStore

/// The outbound session stopped being the room's while its key was being shared.
struct SessionRotated: Error {}

extension RoomEncryptor {
    /// Gives the session's key to every trusted device of the room's members that lacks it:
    /// Olm sessions for new devices from claimed one-time keys, then one to-device message,
    /// committed (with the Olm sessions' new state and the shares) before it is sent.
    func shareKey(roomID: String, sessionID: String, state: RoomEncryptionState,
                  own: (device: OwnDevice, account: OlmAccount)) async throws {
        var watch = Stopwatch()
        // Read before anything else: a change made while this share runs moves the version past it.
        let version = try database.read { try $0.devices.keyRecipientsVersion() }
        if state.membersLoaded, let known = everyoneHasKey[roomID], known.sessionID == sessionID, known.version == version {
            sharesSkipped += 1
            return
        }
        let users = try await members(roomID: roomID, state: state)
        let listed = watch.lap()
        let queried = try await refreshDevices(users + [userID])
        let refreshed = watch.lap()
        let shared = try database.read { try $0.keys.sharedDevices(sessionID: sessionID) }
        let targets = try trustedDevices(of: users + [userID], own: own.device).filter { !shared.contains($0.userID + "|" + $0.deviceID) }
        logger.debug("share timing (ms)", metadata: ["members": "\(listed)", "devices": "\(refreshed)", "targets": "\(watch.lap())",
                                                  "loaded": "\(state.membersLoaded)", "users": "\(users.count)", "new": "\(targets.count)"])
        guard !targets.isEmpty else {
            // Nothing was read from the homeserver and nobody lacks the key: until the store's
            // version moves, the next message of this session finds the same.
            if state.membersLoaded, !queried { everyoneHasKey[roomID] = (sessionID, version) }
            return
        }
        let newSessions = try await outboundOlmSessions(for: targets, account: own.account)
        let txnID = "peerbot-keys-" + UUID().uuidString
        let (key, moment, device) = (pickleKey, now(), own.device)
        let given = try database.write { writer -> Int in
            guard let stored = try writer.keys.outboundSession(roomID: roomID), stored.sessionID == sessionID else { throw SessionRotated() }
            let megolm = try MegolmOutboundSession(pickle: stored.pickle, key: key)
            let roomKey = EncryptedPayloads.roomKey(roomID: roomID, session: megolm)
            var messages: [String: [String: ClientJSON]] = [:]
            var given: [(userID: String, deviceID: String)] = []
            for target in targets {
                guard let olm = try Self.olmSession(with: target, new: newSessions, writer: writer, key: key) else { continue }
                let plaintext = EncryptedPayloads.olmPlaintext(type: "m.room_key", content: roomKey, sender: device,
                                                               recipient: target.userID, recipientEd25519: target.ed25519)
                let message = try olm.encrypt(Array(plaintext.jsonString().utf8))
                try writer.keys.saveOlmSession(sessionID: olm.sessionID, senderKey: target.curve25519, pickle: olm.pickle(key: key), at: moment)
                messages[target.userID, default: [:]][target.deviceID] = EncryptedPayloads.olmEnvelope(message, sender: device,
                                                                                                      recipientCurve25519: target.curve25519)
                given.append((target.userID, target.deviceID))
            }
            guard !given.isEmpty else { return 0 }
            try writer.keys.recordShares(sessionID: sessionID, devices: given)
            let json = ClientJSON.object(messages.mapValues { .object($0) }).jsonString()
            try writer.keys.enqueueToDevice(txnID: txnID, eventType: "m.room.encrypted", messagesJSON: json, at: moment)
            return given.count
        }
        guard given > 0 else { return }
        logger.info("room key shared", metadata: ["room": "\(roomID)", "devices": "\(given)"])
        try await flushToDevice()
    }

    /// The newest stored Olm session with the device, or the one made from its claimed key.
    private static func olmSession(with device: KnownDevice, new: [String: String], writer: StoreWriter,
                                   key: PickleKey) throws -> OlmSession? {
        for stored in try writer.keys.olmSessions(senderKey: device.curve25519) {
            if let session = try? OlmSession(pickle: stored.pickle, key: key) { return session }
        }
        return try new[device.curve25519].map { try OlmSession(pickle: $0, key: key) }
    }

    /// New Olm sessions (pickled, by the device's Curve25519 key) for the devices the bot has
    /// none with, from one-time keys claimed for them. A key whose signature by the device does
    /// not verify is not used; that device waits for the next message.
    private func outboundOlmSessions(for targets: [KnownDevice], account: OlmAccount) async throws -> [String: String] {
        let lacking = try database.read { reader in try targets.filter { try reader.keys.olmSessions(senderKey: $0.curve25519).isEmpty } }
        guard !lacking.isEmpty else { return [:] }
        var wanted: [String: [String]] = [:]
        for device in lacking { wanted[device.userID, default: []].append(device.deviceID) }
        let answer = try await client.claimKeys(wanted)
        var sessions: [String: String] = [:]
        for device in lacking {
            guard let keys = answer.oneTimeKeys[device.userID]?[device.deviceID],
                  let oneTimeKey = Self.signedKey(keys, of: device) else {
                logger.warning("no one-time key for a device; it gets the room key later", metadata: [
                    "user": "\(device.userID)", "device": "\(device.deviceID)"])
                continue
            }
            let session = try account.createOutboundSession(theirIdentityKey: device.curve25519, theirOneTimeKey: oneTimeKey)
            sessions[device.curve25519] = session.pickle(key: pickleKey)
        }
        return sessions
    }

    /// The claimed `signed_curve25519` key, when the device signed it.
    private static func signedKey(_ keys: [String: ClientJSON], of device: KnownDevice) -> String? {
        for (keyID, value) in keys where keyID.hasPrefix("signed_curve25519:") {
            guard let object = CryptoJSON.object(value), let key = object["key"]?.stringValue,
                  (try? JSONSigning.verify(object, entity: device.userID, keyID: "ed25519:\(device.deviceID)", publicKey: device.ed25519)) != nil
            else { continue }
            return key
        }
        return nil
    }

    /// Sends every stored to-device message, oldest first, each with its own transaction id; a
    /// message the homeserver refuses for good is dropped (logged) so it cannot block the room.
    func flushToDevice() async throws {
        for pending in try database.read({ try $0.keys.pendingToDevice() }) {
            guard let messages = ClientJSON.parse(pending.messagesJSON)?.objectValue?.compactMapValues(\.objectValue) else {
                try database.write { try $0.keys.removeToDevice(txnID: pending.txnID) }
                continue
            }
            do {
                try await client.sendToDevice(eventType: pending.eventType, txnID: pending.txnID, messages: messages)
            } catch let error as MatrixClientError where Self.isPermanent(error) {
                logger.warning("a room key message was refused for good; its devices miss that session's key",
                               metadata: ["error": "\(error)"])
            }
            try database.write { try $0.keys.removeToDevice(txnID: pending.txnID) }
        }
    }

    private static func isPermanent(_ error: MatrixClientError) -> Bool {
        guard let matrix = error.matrixError else { return false }
        return matrix.status >= 400 && matrix.status < 500 && !matrix.isRateLimited && !matrix.isUnknownToken
    }
}
