import Foundation

extension TestUser {
    /// Timeline big enough that a busy room is rarely cut (`limited`) between two syncs.
    static let syncFilter = #"{"room":{"timeline":{"limit":200}}}"#

    /// One `GET /sync` from the last position; records new timeline events and invites.
    @discardableResult
    func sync(timeout: Duration) async throws -> [RoomEvent] {
        let millis = Int(timeout / .milliseconds(1))
        var query = ["timeout": String(millis), "filter": Self.syncFilter]
        if let since { query["since"] = since }
        let answer = try await call(.get, "/_matrix/client/v3/sync", query: query, timeout: timeout + Polling.patience)
        guard let next = answer["next_batch"]?.string else {
            throw HarnessError.badResponse(path: "/sync", body: answer.text)
        }
        since = next
        recordInvites(answer["rooms"]?["invite"]?.object ?? [:])
        var fresh: [RoomEvent] = []
        for (roomID, room) in answer["rooms"]?["join"]?.object ?? [:] {
            for raw in room["timeline"]?["events"]?.array ?? [] {
                let event = RoomEvent(roomID: roomID, raw: raw)
                guard !event.eventID.isEmpty, seenIDs.insert(event.eventID).inserted else { continue }
                seen.append(event)
                fresh.append(event)
            }
        }
        return fresh
    }

    private func recordInvites(_ rooms: [String: JSON]) {
        for (roomID, room) in rooms {
            invites[roomID] = (room["invite_state"]?["events"]?.array ?? []).map { RoomEvent(roomID: roomID, raw: $0) }
        }
    }

    /// Syncs until some seen timeline event (now or earlier) matches; returns all matching ones.
    /// `check` runs each round, e.g. to fail at once when the bot has died.
    func waitFor(
        _ what: String,
        timeout: Duration,
        check: @Sendable () throws -> Void = {},
        where predicate: @Sendable (RoomEvent) -> Bool
    ) async throws -> [RoomEvent] {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            let matches = seen.filter(predicate)
            if !matches.isEmpty { return matches }
            try check()
            let left = deadline - clock.now
            guard left > .zero else { throw HarnessError.timedOut(what: what, after: timeout) }
            try await sync(timeout: min(left, .seconds(5)))
        }
    }

    /// Waits for an invite sent by `inviter`; returns the room id and the invite's state events.
    func waitForInvite(
        from inviter: String, timeout: Duration, check: @Sendable () throws -> Void = {}
    ) async throws -> (roomID: String, state: [RoomEvent]) {
        let me = userID
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            let match = invites.first { _, state in
                state.contains { $0.type == "m.room.member" && $0.stateKey == me && $0.sender == inviter }
            }
            if let match { return (match.key, match.value) }
            try check()
            let left = deadline - clock.now
            guard left > .zero else { throw HarnessError.timedOut(what: "an invite from \(inviter)", after: timeout) }
            try await sync(timeout: min(left, .seconds(5)))
        }
    }
}
