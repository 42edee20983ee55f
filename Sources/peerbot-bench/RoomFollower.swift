import Foundation
import MatrixClient

/// Follows one room's timeline for one account with a long-poll `/sync`, keeping every event
/// with the moment it arrived, so a run can wait for the bot's answers and edits there.
actor RoomFollower {
    typealias Instant = ContinuousClock.Instant

    private let client: MatrixClient
    private let roomID: String
    private var since: String?
    private var loop: Task<Void, Never>?
    private(set) var events: [(event: ClientEvent, at: Instant)] = []
    private(set) var syncErrors = 0

    init(client: MatrixClient, roomID: String) {
        self.client = client
        self.roomID = roomID
    }

    func start() async throws {
        since = try await client.sync(since: nil, timeout: .zero, filter: filter).nextBatch
        loop = Task { await self.follow() }
    }

    func stop() {
        loop?.cancel()
        loop = nil
    }

    /// The first event (in arrival order) that `matches`, waiting up to `timeout`; `check` runs
    /// between polls (the bot still alive).
    func first(_ what: String, timeout: Duration, check: @Sendable () throws -> Void,
               where matches: @Sendable (ClientEvent) -> Bool) async throws -> (event: ClientEvent, at: Instant) {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let found = events.first(where: { matches($0.event) }) { return found }
            guard ContinuousClock.now < deadline else { throw BenchError.timeout(what) }
            try check()
            try await Task.sleep(for: .milliseconds(250))
        }
    }

    private func follow() async {
        while !Task.isCancelled {
            do {
                let sync = try await client.sync(since: since, timeout: .seconds(30), filter: filter)
                let arrived = ContinuousClock.now
                since = sync.nextBatch
                for event in sync.rooms.join[roomID]?.timeline.events ?? [] { events.append((event, arrived)) }
            } catch {
                if Task.isCancelled { return }
                syncErrors += 1
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    /// Only this room's timeline, in pages large enough that the bot's edits are not cut.
    private var filter: String {
        let none: ClientJSON = ["not_types": ["*"]]
        let filter: ClientJSON = [
            "room": ["rooms": [.string(roomID)], "timeline": ["limit": 200], "state": ["lazy_load_members": true],
                     "ephemeral": none, "account_data": none],
            "presence": none, "account_data": none,
        ]
        return filter.jsonString()
    }
}

extension ClientEvent {
    /// `content["peerbot.kind"]`: what the bot's message is.
    var peerbotKind: String? { content["peerbot.kind"]?.stringValue }
    /// The event this one answers (`m.in_reply_to`).
    var inReplyTo: String? { content["m.relates_to"]?["m.in_reply_to"]?["event_id"]?.stringValue }
    /// The event this one edits (`m.replace`).
    var replaces: String? {
        content["m.relates_to"]?["rel_type"]?.stringValue == "m.replace" ? content["m.relates_to"]?["event_id"]?.stringValue : nil
    }
}
