// Matrix spec, "m.forwarded_room_key": a room key passed on by a device that did not create it,
// with the creator's Curve25519 key, its claimed Ed25519 key and the chain of forwarders. Who
// may forward is each client's policy; the bot's is `ForwardedRoomKey.acceptance`.

import Foundation
import MatrixClient

/// The content of an `m.forwarded_room_key` for Megolm.
struct ForwardedRoomKey: Equatable, Sendable {
    let roomID: String
    let sessionID: String
    /// The exported session key (version 1, unsigned).
    let sessionKey: String
    /// The Curve25519 key of the device that created the session.
    let senderKey: String
    let senderClaimedEd25519: String
    /// The Curve25519 keys of the devices it passed through before the one that sent it.
    let forwardingChain: [String]

    init?(_ content: ClientJSON) {
        guard content["algorithm"]?.stringValue == MegolmEnvelope.algorithm,
              let roomID = content["room_id"]?.stringValue, !roomID.isEmpty,
              let sessionID = content["session_id"]?.stringValue, !sessionID.isEmpty,
              let sessionKey = content["session_key"]?.stringValue, !sessionKey.isEmpty,
              let senderKey = content["sender_key"]?.stringValue, !senderKey.isEmpty,
              let claimed = content["sender_claimed_ed25519_key"]?.stringValue, !claimed.isEmpty else { return nil }
        self.roomID = roomID
        self.sessionID = sessionID
        self.sessionKey = sessionKey
        self.senderKey = senderKey
        senderClaimedEd25519 = claimed
        forwardingChain = content["forwarding_curve25519_key_chain"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// Why a forwarded key is not stored.
    enum Refusal: String, Error, Equatable {
        case notRequested = "no message waits for this key"
        case notTheCreator = "forwarded by a device other than the one that made the session"
        case forwardedFurther = "passed through other devices"
        case otherSigningKey = "claims another device's signing key"
    }

    /// Whether the bot takes this key: only when a kept message waits for it, and then either
    /// from a verified other device of the bot's own user (`fromVerifiedOwnDevice`: cross-signed
    /// by the bot's own self-signing key, so it holds what the bot's user holds, however it came
    /// by the key), or from the device that made the session, answering the bot's request (its
    /// Olm sender key is the session's, its signing key the one that device signs the Olm
    /// message with, and nobody in between). The latter is exactly as trustworthy as the
    /// `m.room_key` the device sent first.
    func acceptance(olmSenderKey: String, olmSenderEd25519: String, waitedFor: Bool,
                    fromVerifiedOwnDevice: Bool = false) -> Refusal? {
        guard waitedFor else { return .notRequested }
        if fromVerifiedOwnDevice { return nil }
        guard olmSenderKey == senderKey else { return .notTheCreator }
        guard forwardingChain.isEmpty else { return .forwardedFurther }
        guard senderClaimedEd25519 == olmSenderEd25519 else { return .otherSigningKey }
        return nil
    }
}

extension ForwardedRoomKey: CustomStringConvertible {
    /// Never the session key: a forwarded key that found its way into a log would open the room.
    var description: String { "ForwardedRoomKey(\(roomID), \(sessionID), session key: <redacted>)" }
}
