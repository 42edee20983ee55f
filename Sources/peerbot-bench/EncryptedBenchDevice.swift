// Matrix spec, "m.olm.v1.curve25519-aes-sha2" and "m.megolm.v1.aes-sha2": the student's side of
// an encrypted room, as an ordinary client device does it.

import Foundation
import MatrixClient
import MatrixCrypto

/// The bench student as an end-to-end encryption device: publishes its keys, shares its Megolm
/// session with the bot's devices by Olm, encrypts its commands and decrypts the bot's answers
/// with the room keys the bot sends it.
actor EncryptedBenchDevice {
    let client: MatrixClient
    let userID: String
    let deviceID: String
    private let account = OlmAccount()
    private var outbound: [String: MegolmOutboundSession] = [:]
    private var olmSessions: [String: [OlmSession]] = [:]
    private var inbound: [String: MegolmInboundSession] = [:]

    init(client: MatrixClient, userID: String, deviceID: String) {
        self.client = client
        self.userID = userID
        self.deviceID = deviceID
    }

    /// Uploads signed device keys, one-time keys and a fallback key, so the bot can share its
    /// room key with this device.
    func publishKeys() async throws {
        let body = try BenchDeviceKeys.uploadBody(account, userID: userID, deviceID: deviceID, oneTimeKeys: 20)
        _ = try await client.call("POST", "/_matrix/client/v3/keys/upload", json: try ClientJSON(jsonBytes: body))
    }

    /// Sends this device's Megolm session key for `roomID` to every device of `botUserID` whose
    /// signed keys check out; returns how many devices got it.
    @discardableResult
    func shareRoomKey(roomID: String, with botUserID: String) async throws -> Int {
        let session = outbound[roomID] ?? MegolmOutboundSession()
        outbound[roomID] = session
        // As any client does, so the student's own commands decrypt in its sync too.
        inbound[session.sessionID] = try MegolmInboundSession(sessionKey: session.sessionKey)
        let devices = try await client.queryKeys(users: [botUserID]).deviceKeys[botUserID] ?? [:]
        var identities: [String: (curve25519: String, ed25519: String)] = [:]
        for (id, entry) in devices {
            identities[id] = BenchDeviceKeys.verifiedKeys(entry.jsonData, userID: botUserID, deviceID: id)
        }
        guard !identities.isEmpty else { throw BenchError.unexpected("\(botUserID) has no device with signed keys (is the bot running with pickle_key_file?)") }
        let claimed = try await client.claimKeys([botUserID: Array(identities.keys)]).oneTimeKeys[botUserID] ?? [:]
        let roomKey: ClientJSON = ["algorithm": .string(BenchDeviceKeys.megolm), "room_id": .string(roomID),
                                   "session_id": .string(session.sessionID), "session_key": .string(session.sessionKey)]
        var messages: [String: ClientJSON] = [:]
        for (id, keys) in identities {
            guard let entry = claimed[id]?.values.first,
                  let oneTimeKey = BenchDeviceKeys.verifiedOneTimeKey(entry.jsonData, userID: botUserID, deviceID: id, ed25519: keys.ed25519)
            else { continue }
            let olm = try account.createOutboundSession(theirIdentityKey: keys.curve25519, theirOneTimeKey: oneTimeKey)
            olmSessions[keys.curve25519, default: []].append(olm)
            messages[id] = try olmEnvelope(type: "m.room_key", content: roomKey, to: botUserID, keys: keys, over: olm)
        }
        guard !messages.isEmpty else { throw BenchError.unexpected("no one-time key of \(botUserID)'s devices could be claimed") }
        try await client.sendToDevice(eventType: "m.room.encrypted", txnID: "bench.\(UUID().uuidString)", messages: [botUserID: messages])
        return messages.count
    }

    /// The `m.room.encrypted` content of an `m.room.message` for `roomID`.
    func encrypt(roomID: String, type: String, content: ClientJSON) throws -> ClientJSON {
        guard let session = outbound[roomID] else { throw BenchError.unexpected("no room key shared for \(roomID)") }
        let payload: ClientJSON = ["type": .string(type), "content": content, "room_id": .string(roomID)]
        return ["algorithm": .string(BenchDeviceKeys.megolm), "sender_key": .string(account.identityKeys.curve25519),
                "ciphertext": .string(session.encrypt(Array(payload.jsonData))), "session_id": .string(session.sessionID),
                "device_id": .string(deviceID)]
    }

    /// Takes the room keys out of a sync's to-device events (Olm from the bot's device).
    func receive(_ events: [ToDeviceEvent]) {
        for event in events where event.type == "m.room.encrypted" {
            guard let plaintext = decryptOlm(event.content), plaintext["type"]?.stringValue == "m.room_key",
                  plaintext["sender"]?.stringValue == event.sender,
                  plaintext["recipient"]?.stringValue == userID,
                  plaintext["recipient_keys"]?["ed25519"]?.stringValue == account.identityKeys.ed25519,
                  let key = plaintext["content"]?["session_key"]?.stringValue,
                  let session = try? MegolmInboundSession(sessionKey: key) else { continue }
            inbound[session.sessionID] = session
        }
    }

    /// The event with its Megolm ciphertext replaced by the plaintext event; other events as they
    /// are; nil when no key (yet) decrypts it.
    func decrypt(_ event: ClientEvent, roomID: String) -> ClientEvent? {
        guard event.type == "m.room.encrypted" else { return event }
        guard let sessionID = event.content["session_id"]?.stringValue, let session = inbound[sessionID],
              let ciphertext = event.content["ciphertext"]?.stringValue,
              let plaintext = try? session.decrypt(ciphertext).plaintext,
              let payload = try? ClientJSON(jsonBytes: plaintext), payload["room_id"]?.stringValue == roomID,
              let type = payload["type"]?.stringValue else { return nil }
        // The spec keeps `m.relates_to` (the reply's link to the command) in the clear part.
        var content = payload["content"]?.objectValue ?? [:]
        if content["m.relates_to"] == nil, let relation = event.content["m.relates_to"] { content["m.relates_to"] = relation }
        var clear = event
        clear.type = type
        clear.content = .object(content)
        return clear
    }

    private func olmEnvelope(type: String, content: ClientJSON, to recipient: String,
                             keys: (curve25519: String, ed25519: String), over session: OlmSession) throws -> ClientJSON {
        let identity = account.identityKeys
        let plaintext: ClientJSON = [
            "type": .string(type), "content": content, "sender": .string(userID), "sender_device": .string(deviceID),
            "recipient": .string(recipient), "recipient_keys": ["ed25519": .string(keys.ed25519)],
            "keys": ["ed25519": .string(identity.ed25519)],
        ]
        let message = try session.encrypt(Array(plaintext.jsonData))
        return ["algorithm": .string(BenchDeviceKeys.olm), "sender_key": .string(identity.curve25519),
                "ciphertext": .object([keys.curve25519: ["type": .int(Int64(message.type)), "body": .string(message.body)]])]
    }

    /// Decrypts this device's part of an Olm event: a known session first, else a new inbound
    /// session from a pre-key message.
    private func decryptOlm(_ content: ClientJSON) -> ClientJSON? {
        let ours = account.identityKeys.curve25519
        guard content["algorithm"]?.stringValue == BenchDeviceKeys.olm,
              let senderKey = content["sender_key"]?.stringValue,
              let part = content["ciphertext"]?[ours], let type = part["type"]?.intValue,
              let body = part["body"]?.stringValue,
              let message = try? OlmMessage(type: Int(type), body: body) else { return nil }
        for session in olmSessions[senderKey] ?? [] {
            if case .preKey(let preKey) = message, !session.matchesInboundSession(theirIdentityKey: senderKey, preKey) { continue }
            if let bytes = try? session.decrypt(message) { return try? ClientJSON(jsonBytes: bytes) }
        }
        guard case .preKey(let preKey) = message,
              let created = try? account.createInboundSession(theirIdentityKey: senderKey, preKey) else { return nil }
        olmSessions[senderKey, default: []].append(created.session)
        return try? ClientJSON(jsonBytes: created.plaintext)
    }
}
