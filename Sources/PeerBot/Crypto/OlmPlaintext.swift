// Matrix spec, "m.olm.v1.curve25519-aes-sha2": the Olm plaintext names sender, recipient and
// both devices' Ed25519 keys, and must be checked against the envelope before it is believed.

import Foundation
import MatrixClient

/// An `m.room_key` as a device shared it: enough to make and file an inbound Megolm session.
struct RoomKeyContent: Equatable, Sendable {
    let roomID: String
    let sessionID: String
    let sessionKey: String
}

/// The checked content of one Olm-decrypted to-device message.
struct OlmPlaintext: Equatable, Sendable {
    let type: String
    /// The Ed25519 key the sending device claims (`keys.ed25519`).
    let senderSigningKey: String
    let content: ClientJSON

    /// Why a decrypted plaintext is not believed.
    enum Refusal: Error, Equatable {
        case notJSON, wrongSender, wrongRecipient, wrongRecipientKey, missingField(String)
    }

    /// Reads `bytes` and checks that it was meant for this device, from the envelope's sender.
    static func read(_ bytes: [UInt8], sender: String, recipient: String, recipientEd25519: String) throws(Refusal) -> OlmPlaintext {
        // The scanner that reads Megolm plaintexts: strict UTF-8 and JSON, no lone surrogates.
        guard let json = try? ClientJSON(strictUTF8: bytes), json.objectValue != nil else { throw .notJSON }
        guard json["sender"]?.stringValue == sender else { throw .wrongSender }
        guard json["recipient"]?.stringValue == recipient else { throw .wrongRecipient }
        guard json["recipient_keys"]?["ed25519"]?.stringValue == recipientEd25519 else { throw .wrongRecipientKey }
        guard let signingKey = json["keys"]?["ed25519"]?.stringValue, !signingKey.isEmpty else { throw .missingField("keys.ed25519") }
        guard let type = json["type"]?.stringValue else { throw .missingField("type") }
        return OlmPlaintext(type: type, senderSigningKey: signingKey, content: json["content"] ?? .object([:]))
    }

    /// The room key it carries, when it is an `m.room_key` for Megolm.
    var roomKey: RoomKeyContent? {
        guard type == "m.room_key", content["algorithm"]?.stringValue == "m.megolm.v1.aes-sha2",
              let roomID = content["room_id"]?.stringValue, !roomID.isEmpty,
              let sessionID = content["session_id"]?.stringValue, !sessionID.isEmpty,
              let sessionKey = content["session_key"]?.stringValue, !sessionKey.isEmpty else { return nil }
        return RoomKeyContent(roomID: roomID, sessionID: sessionID, sessionKey: sessionKey)
    }
}

/// The part of an Olm `m.room.encrypted` to-device event addressed to one device.
struct OlmEnvelope: Equatable, Sendable {
    static let algorithm = "m.olm.v1.curve25519-aes-sha2"

    /// The sender's Curve25519 identity key.
    let senderKey: String
    let type: Int
    let body: String

    /// nil when the event is not Olm or holds nothing for `ourCurve25519`.
    init?(_ content: ClientJSON, ourCurve25519: String) {
        guard content["algorithm"]?.stringValue == Self.algorithm,
              let senderKey = content["sender_key"]?.stringValue, !senderKey.isEmpty,
              let mine = content["ciphertext"]?[ourCurve25519],
              let type = mine["type"]?.intValue, let body = mine["body"]?.stringValue else { return nil }
        self.senderKey = senderKey
        self.type = Int(type)
        self.body = body
    }
}

// A session key or a decrypted to-device message never shows in a log or an error's text.
extension RoomKeyContent: CustomStringConvertible {
    var description: String { "RoomKeyContent(\(roomID), \(sessionID), session key: <redacted>)" }
}

extension OlmPlaintext: CustomStringConvertible {
    var description: String { "OlmPlaintext(\(type), content: <redacted>)" }
}
