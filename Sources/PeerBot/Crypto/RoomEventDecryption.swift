// Matrix spec, "m.megolm.v1.aes-sha2": the plaintext of a Megolm room event is
// {type, content, room_id}; a receiver checks the room, that the session came from the sender's
// device, and that no message index is used by two events (a replay).

import Foundation
import MatrixClient
import MatrixCrypto
import PeerBotStore

/// The clear part of a Megolm `m.room.encrypted` room event: where its room key is found.
struct MegolmEnvelope: Equatable, Sendable {
    static let algorithm = "m.megolm.v1.aes-sha2"

    let sessionID: String
    let ciphertext: String
    /// The sending device's Curve25519 key; deprecated in the spec, so it may be absent.
    let senderKey: String?
    let deviceID: String?

    /// nil when the content is not a Megolm envelope (another algorithm, a redacted event).
    init?(_ content: ClientJSON) {
        guard content["algorithm"]?.stringValue == Self.algorithm,
              let sessionID = content["session_id"]?.stringValue, !sessionID.isEmpty,
              let ciphertext = content["ciphertext"]?.stringValue, !ciphertext.isEmpty else { return nil }
        self.sessionID = sessionID
        self.ciphertext = ciphertext
        senderKey = content["sender_key"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        deviceID = content["device_id"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// One Megolm message index, which exactly one event may use.
struct MegolmIndex: Hashable, Sendable {
    let senderKey: String
    let sessionID: String
    let index: Int64
}

/// What decrypting one encrypted room event came to.
enum RoomEventDecryption: Equatable {
    /// The event as its sender wrote it: plaintext type and content, the server's id, sender and time.
    case decrypted(ClientEvent, MegolmIndex)
    /// The room key has not arrived, or not from that far back: keep the event and wait.
    case keyMissing
    /// The event can never be believed or read; dropped.
    case refused(DecryptionRefusal)
}

/// Why an encrypted room event is dropped; never carries plaintext.
enum DecryptionRefusal: String, Error, Equatable, Sendable {
    case badCiphertext = "bad ciphertext"
    case notJSON = "plaintext is not a JSON object"
    case wrongRoom = "plaintext names another room"
    case wrongSender = "room key came from another user"
    case wrongDevice = "sender key is not the room key's"
    case nestedEncryption = "plaintext is itself encrypted"
    case replayed = "message index used by another event"
    case brokenKey = "stored room key does not open"
}

/// Decrypts Megolm room events with the room keys the bot holds: pure, the look-ups are given.
enum RoomEventDecryptor {
    /// Decrypts `event` (in `roomID`) with `session`, the stored key it names (nil when none).
    /// `seen` answers which event already used a message index (or that one did, long ago).
    /// `checked`: the envelope's ciphertext, its signature already checked (`MegolmSignatureCheck`).
    static func decrypt(
        _ event: ClientEvent, envelope: MegolmEnvelope, roomID: String, session: MegolmInboundSession?,
        stored: StoredMegolmSession?, checked: CheckedMegolmMessage? = nil, seen: (MegolmIndex) throws -> MessageIndexUse
    ) rethrows -> RoomEventDecryption {
        guard let stored, let session else { return .keyMissing }
        guard stored.senderUserID == event.sender else { return .refused(.wrongSender) }
        if let claimed = envelope.senderKey, claimed != stored.senderKey { return .refused(.wrongDevice) }
        let opened: (plaintext: [UInt8], messageIndex: UInt32)
        do {
            if let checked {
                opened = try session.decrypt(checked)
            } else {
                opened = try session.decrypt(envelope.ciphertext)
            }
        } catch .unknownMessageIndex {
            return .keyMissing
        } catch {
            return .refused(.badCiphertext)
        }
        guard let plaintext = try? ClientJSON(strictUTF8: opened.plaintext),
              let type = plaintext["type"]?.stringValue, !type.isEmpty,
              let content = plaintext["content"], content.objectValue != nil else { return .refused(.notJSON) }
        guard plaintext["room_id"]?.stringValue == roomID else { return .refused(.wrongRoom) }
        guard type != "m.room.encrypted" else { return .refused(.nestedEncryption) }
        let index = MegolmIndex(senderKey: stored.senderKey, sessionID: stored.sessionID, index: Int64(opened.messageIndex))
        switch try seen(index) {
        case .unused: break
        case .usedBy(let earlier) where earlier == event.eventID: break
        case .usedBy, .forgotten: return .refused(.replayed)
        }
        var readable = event
        readable.type = type
        readable.content = withClearRelation(content, envelope: event.content)
        readable.stateKey = nil
        readable.redacts = nil
        return .decrypted(readable, index)
    }

    /// The spec keeps `m.relates_to` in the clear beside the ciphertext; a plaintext without one
    /// takes the clear one, so threads and replies read alike whichever a client filled in.
    static func withClearRelation(_ content: ClientJSON, envelope: ClientJSON) -> ClientJSON {
        guard content["m.relates_to"] == nil, let relation = envelope["m.relates_to"],
              case .object(var members) = content else { return content }
        members["m.relates_to"] = relation
        return .object(members)
    }
}
