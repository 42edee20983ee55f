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

    /// Waits until the client's sync loop has completed `rounds` more rounds (keys queried, claimed, sent).
    func sync(rounds: Int = 1) async throws {
        try await request("sync", ["rounds": .number(Double(rounds))])
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
