// Matrix spec, "m.room_key_request": a device asks others for a Megolm session it lacks; the
// request is sent unencrypted, and one request_id names it for every device it goes to. Once
// the key has come (or is no longer wanted) the same devices get `action: request_cancellation`
// with that request_id.

import Foundation
import MatrixClient
import PeerBotStore

/// An `m.room_key_request` for the room key one kept event needs, ready to send.
struct KeyRequest: Equatable, Sendable {
    static let eventType = "m.room_key_request"

    let roomID: String
    let sessionID: String
    /// Who is asked: the sender's device that used the key, or all their devices.
    let recipient: String
    let recipientDevice: String
    /// The bot's own user, when its other devices are asked too (all of them: a verified one
    /// may hold the key, and the bot takes a key forwarded by one).
    let ownUser: String?
    let requestID: String
    let content: ClientJSON
    /// The same for every try of the same request, so the homeserver delivers it once (a
    /// session id is an Ed25519 public key: unique to its session).
    let transactionID: String

    /// The request for `pending`'s key, from this bot's `deviceID`; `ownUser` as above.
    init(for pending: PendingEncryptedEvent, requestingDevice deviceID: String, ownUser: String? = nil) {
        roomID = pending.roomID
        sessionID = pending.sessionID
        recipient = pending.senderUserID
        recipientDevice = pending.deviceID ?? "*"
        self.ownUser = ownUser == pending.senderUserID ? nil : ownUser
        requestID = "peerbot-" + pending.sessionID
        transactionID = requestID
        var body: [String: ClientJSON] = [
            "algorithm": .string(MegolmEnvelope.algorithm), "room_id": .string(pending.roomID),
            "session_id": .string(pending.sessionID),
        ]
        if let senderKey = pending.senderKey { body["sender_key"] = .string(senderKey) }
        content = [
            "action": "request", "body": .object(body), "request_id": .string(requestID),
            "requesting_device_id": .string(deviceID),
        ]
    }

    /// The withdrawal of `request`, to the devices it went to. Its transaction id differs from
    /// the request's (the homeserver would take it for a repeat) but is the same on every try.
    init(cancelling request: OpenKeyRequest, requestingDevice deviceID: String) {
        roomID = request.roomID
        sessionID = request.sessionID
        recipient = request.recipient
        recipientDevice = request.recipientDevice
        ownUser = request.ownUser
        requestID = request.requestID
        transactionID = request.requestID + "-cancel"
        content = [
            "action": "request_cancellation", "request_id": .string(request.requestID),
            "requesting_device_id": .string(deviceID),
        ]
    }

    /// The to-device messages: the same content for every device asked.
    var messages: [String: [String: ClientJSON]] {
        var messages = [recipient: [recipientDevice: content]]
        if let ownUser { messages[ownUser] = ["*": content] }
        return messages
    }

    /// What the store keeps of this request, to withdraw it later.
    var record: OpenKeyRequest {
        OpenKeyRequest(requestID: requestID, roomID: roomID, sessionID: sessionID, recipient: recipient, recipientDevice: recipientDevice,
                       ownUser: ownUser)
    }
}
