import Foundation
import PeerBotStore

/// Which rooms' rows are on their way now, and which kinds of action a homeserver has limited.
struct SendingLanes: Sendable {
    /// Room (or room ref) → the kind of action being delivered in it.
    var inFlight: [String: ActionClass] = [:]
    /// Kinds the homeserver answered with a rate limit since the start: from then on one at a
    /// time, so parallel sending never turns one 429 into a burst of them.
    var limited: Set<ActionClass> = []
    /// Kinds the homeserver has taken at least once since the start. Until then a kind goes one
    /// at a time too: after a restart in the middle of bulk work the first answer may be a 429,
    /// and it should be the only one.
    var proven: Set<ActionClass> = []
    /// Rooms whose row finished while the queue was being read: that read may still show the
    /// row as pending, so they wait for the next read.
    var releasedDuringRead: Set<String> = []

    /// Whether `item` may start beside what is in flight: its room has nothing under way, there
    /// is room for one more, and its kind is not limited to one at a time that is already going.
    /// Messages of an encryption device go one at a time too: they share Olm sessions and room keys.
    func admits(_ item: OutboxItem, capacity: Int, serialMessages: Bool) -> Bool {
        let kind = ActionClass(item.action)
        guard inFlight.count < capacity, inFlight[item.action.roomID] == nil, !releasedDuringRead.contains(item.action.roomID) else { return false }
        if limited.contains(kind) || !proven.contains(kind), inFlight.values.contains(kind) { return false }
        if serialMessages, Self.isMessage(kind), inFlight.values.contains(where: Self.isMessage) { return false }
        return true
    }

    private static func isMessage(_ kind: ActionClass) -> Bool { kind == .message || kind == .media }
}

/// What a look at the outbox found: the rows claimed for delivery; `readAgain` when rows were
/// given up as unreadable, so the queue is worth reading again at once.
struct OutboxClaim {
    var items: [OutboxItem]
    var readAgain: Bool
}

extension OutboxSender {
    /// Claims the most urgent due rows that may start now, at most `capacity` in flight in all:
    /// answers first, one row per room at a time (a room's rows go strictly in order), and kinds
    /// held by a rate limit wait it out. One caller claims at a time.
    func claim(capacity: Int = OutboxSender.parallelRooms) throws -> OutboxClaim {
        lanes.withLock { $0.releasedDuringRead.removeAll(keepingCapacity: true) }
        var claimed = OutboxClaim(items: [], readAgain: false)
        // A short read fills the free rooms as a rule; a long one only when rows held back (a
        // rate limit, a back-off) filled the short one, as under a homeserver's default limits.
        for limit in [capacity * 4, 500] {
            let moment = now()
            let due = try database.outbox.due(at: moment, limit: limit)
            try giveUp(unreadable: due.unreadable, at: moment)
            claimed.readAgain = claimed.readAgain || !due.unreadable.isEmpty
            claimed.items += admit(due.items, capacity: capacity, at: moment)
            let full = lanes.withLock { $0.inFlight.count >= capacity }
            if full || due.items.count + due.unreadable.count < limit { break }
        }
        claimed.readAgain = claimed.readAgain && claimed.items.isEmpty
        return claimed
    }

    /// Claims the rows that may start now, most urgent first, marking their rooms as in flight.
    private func admit(_ due: [OutboxItem], capacity: Int, at moment: Date) -> [OutboxItem] {
        let holds = limits.withLock { $0.holds }
        let skipped = sidelined.withLock { $0 }
        let serialMessages = encryptor != nil
        return lanes.withLock { lanes -> [OutboxItem] in
            var claimed: [OutboxItem] = []
            for item in due {
                // Full: no later row can start either.
                guard lanes.inFlight.count < capacity else { break }
                let kind = ActionClass(item.action)
                guard (holds[kind] ?? .distantPast) <= moment, (skipped[item.id] ?? .distantPast) <= moment,
                      lanes.admits(item, capacity: capacity, serialMessages: serialMessages) else { continue }
                lanes.inFlight[item.action.roomID] = kind
                claimed.append(item)
            }
            return claimed
        }
    }

    /// Rows that cannot be read back are kept as failed, with an alert.
    private func giveUp(unreadable: [Int64], at moment: Date) throws {
        for id in unreadable {
            logger.error("an outbox row cannot be read; it is kept as failed", metadata: ["outbox": "\(id)"])
            try database.write { writer in
                try writer.outbox.markFailed(id: id, reason: String(describing: CorruptOutboxItem()), at: moment)
                try alert(.corrupt, item: nil, writer: writer)
            }
        }
    }

    /// The row's room is free for its next row.
    func release(_ item: OutboxItem) {
        lanes.withLock { lanes in
            lanes.inFlight.removeValue(forKey: item.action.roomID)
            lanes.releasedDuringRead.insert(item.action.roomID)
        }
    }

    var inFlightCount: Int { lanes.withLock { $0.inFlight.count } }
}
