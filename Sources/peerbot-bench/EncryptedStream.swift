// Matrix spec, "m.megolm.v1.aes-sha2" and "m.olm.v1.curve25519-aes-sha2": what the recorded
// sync would be in encrypted rooms. Every sender is a device of its own; it keeps one Megolm
// session per room it writes in, and shares each session's key with the bot's device by Olm
// before its first message there, as a client does.

import Foundation
import MatrixClient
import MatrixCrypto

/// The encrypted variant of a recorded `/sync` body: the same events in the same rooms, each an
/// `m.room.encrypted` Megolm event, with the `m.room_key` to-device messages that open them in the
/// same body's `to_device`.
struct EncryptedStream {
    let body: Data
    let roomKeys: Int
    let olmSessions: Int

    /// The bot's device as the senders find it on the homeserver: identity keys and the keys they
    /// may claim (a one-time key each while they last, then the fallback key).
    struct Recipient {
        let userID: String
        let curve25519: String
        let ed25519: String
        let oneTimeKeys: [String]
        let fallbackKey: String?
    }

    /// One sender's device: its Olm account, its Olm session with the bot and its Megolm
    /// sessions by room.
    private final class Sender {
        let userID: String
        let deviceID: String
        let account = OlmAccount()
        var olm: OlmSession?
        var megolm: [String: MegolmOutboundSession] = [:]
        init(userID: String, deviceID: String) {
            self.userID = userID
            self.deviceID = deviceID
        }
    }

    /// Encrypts every timeline event of `plain` for `recipient`.
    static func make(from plain: Data, for recipient: Recipient) throws -> EncryptedStream {
        guard case .object(var root) = try JSONDecoder().decode(ClientJSON.self, from: plain),
              case .object(var rooms)? = root["rooms"], case .object(var joined)? = rooms["join"] else {
            throw BenchError.unexpected("the input is not a /sync body with joined rooms")
        }
        var senders: [String: Sender] = [:]
        var claimed = 0
        var toDevice: [ClientJSON] = []
        for roomID in joined.keys.sorted() {
            guard case .object(var room)? = joined[roomID], case .object(var timeline)? = room["timeline"],
                  let events = timeline["events"]?.arrayValue else { continue }
            var encrypted: [ClientJSON] = []
            encrypted.reserveCapacity(events.count)
            for event in events {
                guard case .object(var fields) = event, let userID = fields["sender"]?.stringValue,
                      let type = fields["type"]?.stringValue, let content = fields["content"] else {
                    encrypted.append(event)
                    continue
                }
                let sender = senders[userID] ?? Sender(userID: userID, deviceID: "BENCH\(senders.count)")
                senders[userID] = sender
                let session: MegolmOutboundSession
                if let known = sender.megolm[roomID] {
                    session = known
                } else {
                    session = MegolmOutboundSession()
                    sender.megolm[roomID] = session
                    toDevice.append(try roomKey(session, roomID: roomID, from: sender, to: recipient, claimed: &claimed))
                }
                let payload: ClientJSON = ["type": .string(type), "content": content, "room_id": .string(roomID)]
                fields["type"] = "m.room.encrypted"
                fields["content"] = [
                    "algorithm": .string(BenchDeviceKeys.megolm), "sender_key": .string(sender.account.identityKeys.curve25519),
                    "ciphertext": .string(session.encrypt(Array(payload.jsonString().utf8))),
                    "session_id": .string(session.sessionID), "device_id": .string(sender.deviceID),
                ]
                encrypted.append(.object(fields))
            }
            timeline["events"] = .array(encrypted)
            room["timeline"] = .object(timeline)
            joined[roomID] = .object(room)
        }
        rooms["join"] = .object(joined)
        root["rooms"] = .object(rooms)
        root["to_device"] = ["events": .array(toDevice)]
        return EncryptedStream(body: Data(ClientJSON.object(root).jsonString().utf8), roomKeys: toDevice.count, olmSessions: senders.count)
    }

    /// The `m.room.encrypted` to-device event carrying `session`'s key from `sender` to the bot,
    /// on the sender's Olm session (made on the first key, from a claimed one-time key).
    private static func roomKey(_ session: MegolmOutboundSession, roomID: String, from sender: Sender, to recipient: Recipient,
                                claimed: inout Int) throws -> ClientJSON {
        let olm: OlmSession
        if let known = sender.olm {
            olm = known
        } else {
            let key = claimed < recipient.oneTimeKeys.count ? recipient.oneTimeKeys[claimed] : recipient.fallbackKey
            guard let key else { throw BenchError.unexpected("the bot's device published no key to claim") }
            claimed += 1
            olm = try sender.account.createOutboundSession(theirIdentityKey: recipient.curve25519, theirOneTimeKey: key)
            sender.olm = olm
        }
        let identity = sender.account.identityKeys
        let plaintext: ClientJSON = [
            "type": "m.room_key",
            "content": ["algorithm": .string(BenchDeviceKeys.megolm), "room_id": .string(roomID),
                        "session_id": .string(session.sessionID), "session_key": .string(session.sessionKey)],
            "sender": .string(sender.userID), "sender_device": .string(sender.deviceID),
            "recipient": .string(recipient.userID), "recipient_keys": ["ed25519": .string(recipient.ed25519)],
            "keys": ["ed25519": .string(identity.ed25519)],
        ]
        let message = try olm.encrypt(Array(plaintext.jsonString().utf8))
        return [
            "type": "m.room.encrypted", "sender": .string(sender.userID),
            "content": ["algorithm": .string(BenchDeviceKeys.olm), "sender_key": .string(identity.curve25519),
                        "ciphertext": .object([recipient.curve25519: ["type": .int(Int64(message.type)), "body": .string(message.body)]])],
        ]
    }
}
