import Foundation

extension EncryptedTestUser {
    /// Creates a room (with `m.room.encryption` unless `encrypted` is false); returns its id.
    func createRoom(name: String? = nil, invite: [String] = [], encrypted: Bool = true, isDirect: Bool = false) async throws -> String {
        var arguments: [String: JSON] = [
            "invite": .array(invite.map { .string($0) }), "encrypted": .bool(encrypted), "is_direct": .bool(isDirect),
        ]
        if let name { arguments["name"] = .string(name) }
        guard let roomID = try await request("create_room", arguments)["room_id"]?.string else {
            throw HarnessError.badResponse(path: "nio create_room", body: "no room_id")
        }
        return roomID
    }

    func invite(_ userID: String, to roomID: String) async throws {
        try await request("invite", ["room_id": .string(roomID), "user_id": .string(userID)])
    }

    /// Joins and returns once this client's own sync shows the room.
    func join(_ roomID: String) async throws {
        try await request("join", ["room_id": .string(roomID)])
    }

    /// Returns once this client knows `roomID` as encrypted (its `m.room.encryption` synced), so
    /// what it sends there next is encrypted.
    func waitUntilEncrypted(_ roomID: String) async throws {
        try await request("wait_encrypted", ["room_id": .string(roomID)])
    }

    /// Waits until the client's sync loop has completed `rounds` more rounds (keys queried, claimed, sent).
    func sync(rounds: Int = 1) async throws {
        try await request("sync", ["rounds": .number(Double(rounds))])
    }

    /// Waits for `count` invites from `inviter` seen by this client's sync; returns their room ids.
    func waitForInvites(from inviter: String, count: Int, timeout: Duration, check: @Sendable () throws -> Void = {}) async throws -> [String] {
        try await Polling.until("\(count) invites from \(inviter) to \(userID)", timeout: timeout) {
            try check()
            let rooms = try await request("invites")["rooms"]?.array ?? []
            let from = rooms.filter { $0["inviter"]?.string == inviter }.compactMap { $0["room_id"]?.string }
            return from.count >= count ? from : nil
        }
    }

    /// Waits until this client's sync has seen the invite to `roomID`.
    func waitForInvite(to roomID: String, timeout: Duration) async throws {
        _ = try await Polling.until("\(userID)'s invite to \(roomID)", timeout: timeout) {
            let rooms = try await request("invites")["rooms"]?.array ?? []
            return rooms.contains { $0["room_id"]?.string == roomID } ? true : nil
        }
    }

    /// Waits for an invite from `inviter` seen by this client's sync; returns the room id.
    func waitForInvite(from inviter: String, timeout: Duration, check: @Sendable () throws -> Void = {}) async throws -> String {
        try await Polling.until("an invite from \(inviter) to \(userID)", timeout: timeout) {
            try check()
            let rooms = try await request("invites")["rooms"]?.array ?? []
            return rooms.first { $0["inviter"]?.string == inviter }?["room_id"]?.string
        }
    }
}
