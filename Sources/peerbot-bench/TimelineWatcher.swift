import Foundation
import MatrixClient

/// Follows the bench's rooms for one account with a continuous long-poll `/sync` and notes when
/// each event, and each bot reply to an event, first arrives; with an encryption device, encrypted
/// events are noted once decrypted, with the room keys that came in the same sync.
actor TimelineWatcher {
    typealias Instant = ContinuousClock.Instant

    /// What a measurement waits for.
    enum Sighting: Hashable, Sendable {
        case event(String)
        /// An `m.notice` from the bot whose `m.in_reply_to` names this event.
        case reply(to: String)
    }

    private let client: MatrixClient
    private let roomIDs: [String]
    private let device: EncryptedBenchDevice?
    private let botUserID: String
    private let clock = ContinuousClock()
    private var since: String?
    private var seen: [Sighting: Instant] = [:]
    private var waiters: [Sighting: [Int: CheckedContinuation<Instant?, Never>]] = [:]
    private var nextWaiter = 0
    private var loop: Task<Void, Never>?
    private var pending: [(ClientEvent, String)] = []
    private(set) var syncErrors = 0
    /// Encrypted events no room key has decrypted so far.
    var undecryptable: Int { pending.count }

    init(client: MatrixClient, roomIDs: [String], botUserID: String, device: EncryptedBenchDevice? = nil) {
        self.client = client
        self.roomIDs = roomIDs
        self.botUserID = botUserID
        self.device = device
    }

    /// Takes the current position, then keeps a long-poll open until `stop()`.
    func start() async throws {
        let first = try await client.sync(since: nil, timeout: .zero, filter: filter)
        await device?.receive(first.encryption.toDevice)
        since = first.nextBatch
        loop = Task { await self.follow() }
    }

    func stop() {
        loop?.cancel()
        loop = nil
    }

    /// When the sighting arrived; waits up to `timeout` for it.
    func arrival(of sighting: Sighting, timeout: Duration) async throws -> Instant {
        if let instant = seen[sighting] { return instant }
        nextWaiter += 1
        let token = nextWaiter
        let instant = await withCheckedContinuation { continuation in
            waiters[sighting, default: [:]][token] = continuation
            Task {
                try? await Task.sleep(for: timeout)
                self.expire(sighting, token: token)
            }
        }
        guard let instant else { throw BenchError.timeout("\(sighting) in the student's /sync") }
        return instant
    }

    private func expire(_ sighting: Sighting, token: Int) {
        waiters[sighting]?.removeValue(forKey: token)?.resume(returning: nil)
    }

    private func follow() async {
        while !Task.isCancelled {
            do {
                let sync = try await client.sync(since: since, timeout: .seconds(30), filter: filter)
                let arrived = clock.now
                since = sync.nextBatch
                // Keys first: the bot's room key and its first answer can arrive in one sync.
                await device?.receive(sync.encryption.toDevice)
                await retryPending(at: arrived)
                for roomID in roomIDs {
                    for event in sync.rooms.join[roomID]?.timeline.events ?? [] {
                        guard let clear = await decrypted(event, in: roomID) else { continue }
                        note(clear, at: arrived)
                    }
                }
            } catch {
                if Task.isCancelled { return }
                syncErrors += 1
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    private func decrypted(_ event: ClientEvent, in roomID: String) async -> ClientEvent? {
        guard let device, event.type == "m.room.encrypted" else { return event }
        guard let clear = await device.decrypt(event, roomID: roomID) else {
            pending.append((event, roomID))
            return nil
        }
        return clear
    }

    /// Events whose room key had not come yet, tried again after each sync's keys (noted when
    /// they first decrypt, as a client shows them).
    private func retryPending(at instant: Instant) async {
        guard let device, !pending.isEmpty else { return }
        var still: [(ClientEvent, String)] = []
        for (event, roomID) in pending {
            if let clear = await device.decrypt(event, roomID: roomID) { note(clear, at: instant) } else { still.append((event, roomID)) }
        }
        pending = still
    }

    private func note(_ event: ClientEvent, at instant: Instant) {
        record(.event(event.eventID), at: instant)
        if event.sender == botUserID, event.content["msgtype"]?.stringValue == "m.notice",
           let command = event.content["m.relates_to"]?["m.in_reply_to"]?["event_id"]?.stringValue {
            record(.reply(to: command), at: instant)
        }
    }

    private func record(_ sighting: Sighting, at instant: Instant) {
        guard seen[sighting] == nil else { return }
        seen[sighting] = instant
        for continuation in (waiters.removeValue(forKey: sighting) ?? [:]).values {
            continuation.resume(returning: instant)
        }
    }

    /// Only these rooms' timelines (to-device events always come): presence, receipts and account data would wake the poll for nothing.
    private var filter: String {
        let none: JSONValue = ["not_types": ["*"]]
        let filter: JSONValue = [
            "room": [
                "rooms": .array(roomIDs.map { .string($0) }),
                "timeline": ["limit": 50],
                "state": ["lazy_load_members": true],
                "ephemeral": none,
                "account_data": none,
            ],
            "presence": none,
            "account_data": none,
        ]
        return filter.jsonString()
    }
}
