import Foundation

extension EncryptedTestUser {
    /// Every event in `roomID`, oldest first, as this device reads it now: fetched again from the
    /// homeserver and decrypted with every room key it holds (`wasEncrypted`, `isDecrypted`).
    func timeline(of roomID: String) async throws -> [RoomEvent] {
        let answer = try await request("timeline", ["room_id": .string(roomID)])
        return (answer["events"]?.array ?? []).map { RoomEvent(roomID: roomID, raw: $0) }
    }

    /// Polls the decrypted timeline until some events match; returns them. `check` runs each round
    /// (e.g. "is the bot alive"). Decryption is retried every round, so a late room key is fine.
    func waitFor(
        _ what: String, in roomID: String, timeout: Duration, check: @Sendable () throws -> Void = {},
        where predicate: @escaping @Sendable (RoomEvent) -> Bool
    ) async throws -> [RoomEvent] {
        try await Polling.until(what, timeout: timeout, interval: .seconds(1)) {
            try check()
            let matches = try await timeline(of: roomID).filter(predicate)
            return matches.isEmpty ? nil : matches
        }
    }

    /// The messages `sender` posted in reply to `eventID`, decrypted.
    func replies(to eventID: String, in roomID: String, from sender: String) async throws -> [RoomEvent] {
        try await timeline(of: roomID).filter { $0.isMessage && $0.sender == sender && $0.inReplyTo == eventID }
    }

    /// `user`'s devices as this client knows them after `/keys/query`.
    func devices(of user: String) async throws -> [JSON] {
        try await request("devices", ["user_id": .string(user)])["devices"]?.array ?? []
    }

    /// Marks `user`'s devices (or only `deviceID`) verified in this client.
    @discardableResult
    func trust(_ user: String, deviceID: String? = nil) async throws -> [JSON] {
        var arguments: [String: JSON] = ["user_id": .string(user)]
        if let deviceID { arguments["device_id"] = .string(deviceID) }
        return try await request("trust", arguments)["devices"]?.array ?? []
    }
}

extension RoomEvent {
    /// Whether the homeserver holds this event as `m.room.encrypted` (timeline of an `EncryptedTestUser`).
    var wasEncrypted: Bool { raw["encrypted"]?.bool ?? false }
    /// Whether the encrypted client could decrypt it (`type` and `content` are then the plaintext's).
    var isDecrypted: Bool { raw["decrypted"]?.bool ?? false }
}
