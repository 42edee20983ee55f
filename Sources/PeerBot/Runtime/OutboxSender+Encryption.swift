import Foundation
import MatrixClient
import PeerBotStore

extension OutboxSender {
    /// The event to send for `item` in `roomID`: encrypted in an encrypted room, as given in a
    /// plain one. Without an encryptor, a room known to be encrypted is refused, never sent
    /// plaintext. `content` runs only when a new event must be made (not for a re-send of a
    /// ciphertext fixed by an earlier attempt).
    func outgoing(roomID: String, eventType: String, item: OutboxItem,
                  content: @Sendable () async throws -> JSONValue) async throws -> (eventType: String, content: JSONValue) {
        if let encryptor {
            if let sealed = try await encryptor.seal(roomID: roomID, eventType: eventType, outboxID: item.id, content: content) {
                return sealed
            }
        } else if try database.read({ try $0.devices.roomEncryption(roomID) })?.isEncrypted == true {
            throw PlaintextRefused(description: "the room is encrypted, and without pickle_key_file the bot cannot encrypt")
        }
        return (eventType, try await content())
    }

    /// Whether `roomID` is encrypted, as far as the bot can tell (files need to know before upload).
    func isEncrypted(_ roomID: String) async throws -> Bool {
        if encryptor != nil { return try await RoomEncryptionLookup(client: client, database: database).state(roomID)?.isEncrypted ?? false }
        return try database.read { try $0.devices.roomEncryption(roomID) }?.isEncrypted ?? false
    }

    /// A user the bot just invited is a member for room keys at once, before sync reports it,
    /// so the welcome that follows the invite is readable by them.
    func noteInvited(_ userID: String, to roomID: String) throws {
        let moment = now()
        try database.write { writer in
            guard try writer.devices.roomEncryption(roomID)?.isEncrypted == true else { return }
            try writer.devices.setEncryptedRoomMember(roomID, userID: userID, membership: "invite")
            if try writer.devices.trackedUser(userID) == nil { try writer.devices.markDeviceListsOutdated([userID], at: moment) }
        }
    }

    /// Records whether a room the bot created is encrypted, from its own request, so the first
    /// message into it needs no question to the homeserver.
    static func noteEncryption(ofCreated roomID: String, request: JSONValue, writer: StoreWriter) throws {
        let encryption = request["initial_state"]?.arrayValue?.first {
            $0["type"]?.stringValue == "m.room.encryption" && ($0["state_key"]?.stringValue ?? "") == ""
        }
        if let algorithm = encryption?["content"]?["algorithm"]?.stringValue, !algorithm.isEmpty {
            try writer.devices.setRoomEncrypted(roomID, algorithm: algorithm, rotationPeriodMs: encryption?["content"]?["rotation_period_ms"]?.intValue,
                                                rotationPeriodMsgs: encryption?["content"]?["rotation_period_msgs"]?.intValue, at: Date())
        } else {
            try writer.devices.setRoomPlain(roomID, at: Date())
        }
    }
}
