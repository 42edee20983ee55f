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

/// What decrypting one encrypted room event came to.
enum RoomEventDecryption: Equatable, Sendable {
    /// The event as its sender wrote it: plaintext type and content, the server's id, sender and time.
    case decrypted(ClientEvent, MegolmIndex)
    /// As `decrypted`, its signature not checked yet (`deferSignature`): the router checks it
    /// before the event has any effect, and refuses it then if it is forged.
    case decryptedUnverified(ClientEvent, MegolmIndex, DeferredMegolmSignature)
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
    /// With `deferSignature`, the Ed25519 signature is left to check until the event would have
    /// an effect, unless the index was claimed by another unchecked event: then it is checked
    /// here, so a forged claim never keeps the genuine message out. Without it, the signature
    /// is checked before decrypting. Either way only a signed message waits for a missing key.
    static func decrypt(
        _ event: ClientEvent, envelope: MegolmEnvelope, roomID: String, session: MegolmInboundSession?,
        stored: StoredMegolmSession?, deferSignature: Bool = false, seen: (MegolmIndex) throws -> MessageIndexUse
    ) rethrows -> RoomEventDecryption {
        let opening = open(event, envelope: envelope, roomID: roomID, session: session, stored: stored, deferSignature: deferSignature)
        return try judge(opening, event: event, seen: seen)
    }

    /// What decrypting one event gives before the replay look-up.
    enum Opening: Sendable {
        /// Decided already (no key, refused).
        case done(RoomEventDecryption)
        /// Readable; `verified` when its signature was checked.
        case opened(ClientEvent, MegolmIndex, DeferredMegolmSignature, verified: Bool)
    }

    /// The cryptography and the plaintext's checks, without any look-up: pure, so the events of
    /// different sessions can be opened on different cores. Touches only `session`.
    static func open(_ event: ClientEvent, envelope: MegolmEnvelope, roomID: String, session: MegolmInboundSession?,
                     stored: StoredMegolmSession?, deferSignature: Bool) -> Opening {
        guard let stored, let session else { return .done(.keyMissing) }
        guard stored.senderUserID == event.sender else { return .done(.refused(.wrongSender)) }
        if let claimed = envelope.senderKey, claimed != stored.senderKey { return .done(.refused(.wrongDevice)) }
        let opened: (plaintext: [UInt8], messageIndex: UInt32, signature: DeferredMegolmSignature)
        do {
            // Checked first unless deferred, so a forged kept event is refused before the session's
            // ratchet moves; and even deferred, one whose index is out of reach is checked.
            opened = try session.decrypt(envelope.ciphertext, signature: deferSignature ? .deferred : .first)
        } catch .unknownMessageIndex {
            return .done(.keyMissing)
        } catch {
            return .done(.refused(.badCiphertext))
        }
        guard let plaintext = try? ClientJSON(strictUTF8: opened.plaintext),
              let type = plaintext["type"]?.stringValue, !type.isEmpty,
              let content = plaintext["content"], content.objectValue != nil else { return .done(.refused(.notJSON)) }
        guard plaintext["room_id"]?.stringValue == roomID else { return .done(.refused(.wrongRoom)) }
        guard type != "m.room.encrypted" else { return .done(.refused(.nestedEncryption)) }
        let index = MegolmIndex(senderKey: stored.senderKey, sessionID: stored.sessionID, index: Int64(opened.messageIndex))
        var readable = event
        readable.type = type
        readable.content = withClearRelation(content, envelope: event.content)
        readable.stateKey = nil
        readable.redacts = nil
        return .opened(readable, index, opened.signature, verified: !deferSignature)
    }

    /// The replay rule on an opened event: each message index belongs to one event.
    static func judge(_ opening: Opening, event: ClientEvent, seen: (MegolmIndex) throws -> MessageIndexUse) rethrows -> RoomEventDecryption {
        let (readable, index, signature): (ClientEvent, MegolmIndex, DeferredMegolmSignature)
        var verified: Bool
        switch opening {
        case .done(let decided): return decided
        case .opened(let event, let used, let claimed, let checked): (readable, index, signature, verified) = (event, used, claimed, checked)
        }
        switch try seen(index) {
        case .unused: break
        case .usedBy(let earlier) where earlier == event.eventID: break
        case .claimedBy(let earlier, _) where earlier == event.eventID: break
        case .claimedBy(_, let claimed) where claimed == signature.signature:
            // The very message that claimed the index, under another event id: a replay.
            return .refused(.replayed)
        case .claimedBy:
            // Two messages for one index: at most one is the sender's, and the one to check is this.
            guard verified || signature.isGenuine else { return .refused(.badCiphertext) }
            verified = true
        case .usedBy, .forgotten: return .refused(.replayed)
        }
        return verified ? .decrypted(readable, index) : .decryptedUnverified(readable, index, signature)
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
