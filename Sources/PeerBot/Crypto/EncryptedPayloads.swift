// Matrix spec, "m.megolm.v1.aes-sha2" (the encrypted room event and its plaintext),
// "m.olm.v1.curve25519-aes-sha2" (the to-device envelope and the plaintext's sender and
// recipient keys), "m.room_key", and "Relationships" (m.relates_to stays in the clear).

import MatrixClient
import MatrixCrypto

/// The bot's own device as it signs what it sends.
struct OwnDevice: Sendable, Equatable {
    let userID: String
    let deviceID: String
    let curve25519: String
    let ed25519: String
}

/// Builds the encrypted events the bot sends; pure, so every field is checked without I/O.
enum EncryptedPayloads {
    static let megolm = "m.megolm.v1.aes-sha2"
    static let olm = "m.olm.v1.curve25519-aes-sha2"

    /// The `m.room.encrypted` content for one room event, encrypted with `session` (which moves
    /// on by one index). `m.relates_to` is moved out of the plaintext into the clear part, so the
    /// homeserver can still thread, aggregate reactions and apply edits.
    static func roomEvent(type: String, content: ClientJSON, roomID: String, session: MegolmOutboundSession,
                          sender: OwnDevice) -> ClientJSON {
        var inner = content.objectValue ?? [:]
        let relation = inner.removeValue(forKey: "m.relates_to")
        let plaintext: ClientJSON = ["type": .string(type), "content": .object(inner), "room_id": .string(roomID)]
        var encrypted: [String: ClientJSON] = [
            "algorithm": .string(megolm),
            "ciphertext": .string(session.encrypt(Array(plaintext.jsonString().utf8))),
            "session_id": .string(session.sessionID),
            // Deprecated in the spec but still read by clients that check the sending device.
            "sender_key": .string(sender.curve25519),
            "device_id": .string(sender.deviceID),
        ]
        if let relation { encrypted["m.relates_to"] = relation }
        return .object(encrypted)
    }

    /// The `m.room_key` that lets a device read `session`'s messages from its current index on.
    static func roomKey(roomID: String, session: MegolmOutboundSession) -> ClientJSON {
        ["algorithm": .string(megolm), "room_id": .string(roomID), "session_id": .string(session.sessionID),
         "session_key": .string(session.sessionKey)]
    }

    /// The Olm plaintext of a to-device event: who sends it from which key, for whom.
    static func olmPlaintext(type: String, content: ClientJSON, sender: OwnDevice, recipient: String,
                             recipientEd25519: String) -> ClientJSON {
        ["type": .string(type), "content": content, "sender": .string(sender.userID), "sender_device": .string(sender.deviceID),
         "keys": ["ed25519": .string(sender.ed25519)], "recipient": .string(recipient),
         "recipient_keys": ["ed25519": .string(recipientEd25519)]]
    }

    /// The to-device `m.room.encrypted` content carrying one Olm message for one device.
    static func olmEnvelope(_ message: OlmMessage, sender: OwnDevice, recipientCurve25519: String) -> ClientJSON {
        ["algorithm": .string(olm), "sender_key": .string(sender.curve25519),
         "ciphertext": .object([recipientCurve25519: ["type": .int(Int64(message.type)), "body": .string(message.body)]])]
    }
}
