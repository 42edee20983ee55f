import Foundation
import MatrixClient
import MatrixCrypto
import PeerBotStore
@testable import PeerBot

/// A room member's device sending Megolm-encrypted room events, as a client would: its room key
/// can be given to the bot's store (as a received `m.room_key` ends up) or withheld.
final class MegolmSender {
    let userID: String
    /// The device's Curve25519 key as the bot would have it from the Olm session (any text here).
    let senderKey: String
    let deviceID: String
    let group = MegolmOutboundSession()
    /// The session key at index 0, as the first `m.room_key` carries it.
    let firstSessionKey: String
    private var counter = 0

    init(userID: String, senderKey: String = "curve-\(UUID().uuidString)", deviceID: String = "PHONE") {
        self.userID = userID
        self.senderKey = senderKey
        self.deviceID = deviceID
        firstSessionKey = group.sessionKey
    }

    /// The stored form of this sender's room key for `roomID`, sealed under `pickleKey`: from
    /// index 0 (`fromStart`) or from the session's next index, as a late share would carry it.
    func storedKey(roomID: String, pickleKey: PickleKey, owner: String? = nil, fromStart: Bool = false) throws -> StoredMegolmSession {
        let inbound = try MegolmInboundSession(sessionKey: fromStart ? firstSessionKey : group.sessionKey)
        return StoredMegolmSession(roomID: roomID, senderKey: senderKey, sessionID: group.sessionID, senderUserID: owner ?? userID,
                                   signingKey: "ed25519-of-\(deviceID)", firstKnownIndex: Int64(inbound.firstKnownIndex),
                                   pickle: inbound.pickle(key: pickleKey))
    }

    /// Stores the room key as if it had arrived by Olm.
    func share(roomID: String, with database: AppDatabase, pickleKey: PickleKey, owner: String? = nil, fromStart: Bool = false) throws {
        let key = try storedKey(roomID: roomID, pickleKey: pickleKey, owner: owner, fromStart: fromStart)
        try database.write { _ = try $0.keys.saveMegolmSession(key, at: Date()) }
    }

    /// The ciphertext of `{type, content, room_id}` at this session's next index.
    func ciphertext(type: String, content: ClientJSON, plaintextRoom: String) -> String {
        let plaintext: ClientJSON = ["type": .string(type), "content": content, "room_id": .string(plaintextRoom)]
        return group.encrypt(Array(plaintext.jsonString().utf8))
    }

    /// An `m.room.encrypted` room event carrying `type`/`content`, as the homeserver delivers it.
    func event(_ type: String = "m.room.message", content: ClientJSON, roomID: String, ts: Int64,
               plaintextRoom: String? = nil, clearRelation: ClientJSON? = nil, eventID: String? = nil,
               claimedSenderKey: String? = nil) -> ClientEvent {
        counter += 1
        var envelope: [String: ClientJSON] = [
            "algorithm": "m.megolm.v1.aes-sha2", "sender_key": .string(claimedSenderKey ?? senderKey),
            "session_id": .string(group.sessionID), "device_id": .string(deviceID),
            "ciphertext": .string(ciphertext(type: type, content: content, plaintextRoom: plaintextRoom ?? roomID)),
        ]
        if let clearRelation { envelope["m.relates_to"] = clearRelation }
        return ClientEvent(type: "m.room.encrypted", sender: userID, eventID: eventID ?? "$enc-\(deviceID)-\(counter)-\(UUID().uuidString.prefix(6))",
                           originServerTS: ts, content: .object(envelope))
    }

    /// An encrypted `m.text`.
    func text(_ body: String, roomID: String, ts: Int64) -> ClientEvent {
        event(content: ["msgtype": "m.text", "body": .string(body)], roomID: roomID, ts: ts)
    }
}
