import Foundation

extension TestUser {
    /// `POST /createRoom`; returns the room id.
    func createRoom(
        name: String? = nil, invite: [String] = [], isDirect: Bool = false, preset: String = "private_chat"
    ) async throws -> String {
        var body: [String: JSON] = [
            "preset": .string(preset),
            "visibility": "private",
            "invite": .array(invite.map { .string($0) }),
            "is_direct": .bool(isDirect),
        ]
        if let name { body["name"] = .string(name) }
        let answer = try await call(.post, "/_matrix/client/v3/createRoom", body: .object(body))
        guard let roomID = answer["room_id"]?.string else {
            throw HarnessError.badResponse(path: "/createRoom", body: answer.text)
        }
        return roomID
    }

    func invite(_ userID: String, to roomID: String) async throws {
        _ = try await call(.post, "/_matrix/client/v3/rooms/\(MatrixHTTP.segment(roomID))/invite",
                           body: ["user_id": .string(userID)])
    }

    func join(_ roomID: String) async throws {
        _ = try await call(.post, "/_matrix/client/v3/join/\(MatrixHTTP.segment(roomID))", body: [:])
    }

    /// The membership (`join`, `invite`, `leave` …) of `userID` in `roomID`, or nil when it has none.
    func membership(of userID: String, in roomID: String) async throws -> String? {
        let path = "/_matrix/client/v3/rooms/\(MatrixHTTP.segment(roomID))/state/m.room.member/"
            + MatrixHTTP.segment(userID)
        do {
            return try await call(.get, path)["membership"]?.string
        } catch let error as HarnessError where error.errcode == "M_NOT_FOUND" {
            return nil
        }
    }

    /// Polls until `userID` has `membership` in `roomID`; `check` runs each round (e.g. "is the bot alive").
    func waitForMembership(
        of userID: String, in roomID: String, toBe membership: String = "join", timeout: Duration,
        check: @Sendable () throws -> Void = {}
    ) async throws {
        _ = try await Polling.until("\(userID) to \(membership) \(roomID)", timeout: timeout) {
            try check()
            return try await self.membership(of: userID, in: roomID) == membership ? true : nil
        }
    }

    /// Sends any room event with a fresh transaction id; returns its event id.
    func sendEvent(type: String, content: JSON, in roomID: String) async throws -> String {
        let path = "/_matrix/client/v3/rooms/\(MatrixHTTP.segment(roomID))/send/\(MatrixHTTP.segment(type))/"
            + MatrixHTTP.segment(nextTransactionID())
        let answer = try await call(.put, path, body: content)
        guard let eventID = answer["event_id"]?.string else {
            throw HarnessError.badResponse(path: path, body: answer.text)
        }
        return eventID
    }

    /// Sends a plain text message (`m.text`); returns its event id.
    @discardableResult
    func send(_ text: String, in roomID: String) async throws -> String {
        try await sendEvent(type: "m.room.message", content: ["msgtype": "m.text", "body": .string(text)], in: roomID)
    }

    /// Reacts to `eventID` with `key` (an `m.annotation`).
    @discardableResult
    func react(to eventID: String, with key: String, in roomID: String) async throws -> String {
        let relation: JSON = ["rel_type": "m.annotation", "event_id": .string(eventID), "key": .string(key)]
        return try await sendEvent(type: "m.reaction", content: ["m.relates_to": relation], in: roomID)
    }

    /// Lifts Synapse's message rate limit for `userID` (admin API; this user must be an admin).
    func exemptFromRateLimits(_ userID: String) async throws {
        let path = "/_synapse/admin/v1/users/\(MatrixHTTP.segment(userID))/override_ratelimit"
        _ = try await call(.post, path, body: ["messages_per_second": 0, "burst_count": 0])
    }
}
