import Dispatch
import Foundation
import MatrixClient
import MatrixCrypto
import PeerBotStore

/// The cryptography of a batch on every core: each session's events are opened in their order by
/// one thread (a session's ratchet cache is not shared), different sessions side by side, while
/// the batch's thread still looks up the keys of the rooms after. The look-ups and the replay
/// rule after stay on the batch's thread, in event order.
extension BatchDecryption {
    /// One event to open, where it sits in its room's timeline.
    private struct Job: Sendable {
        let roomID: String
        let position: Int
        let event: ClientEvent
        let envelope: MegolmEnvelope
        let stored: StoredMegolmSession
    }

    /// A session's events and the session opened from its pickle (nil until opened).
    private final class Group: @unchecked Sendable {
        // One thread owns a group while the batch is opened; the batch's thread reads it after.
        let stored: StoredMegolmSession
        var session: MegolmInboundSession?
        var jobs: [Job] = []
        var openings: [RoomEventDecryptor.Opening] = []

        init(stored: StoredMegolmSession) {
            self.stored = stored
        }
    }

    /// Below this many events the threads cost more than they save.
    static let parallelThreshold = 16

    /// The opening threads beside the batch's own: one for every other core.
    static var helperThreads: Int { max(0, ProcessInfo.processInfo.activeProcessorCount - 1) }

    /// An event `openAll` opened, with its envelope (read once).
    struct Taken {
        let opening: RoomEventDecryptor.Opening
        let envelope: MegolmEnvelope
    }

    /// The batch's new encrypted events whose room key is held, opened (`RoomEventDecryptor.open`)
    /// with the signature check deferred, by room and position. Events marked processed (a
    /// re-delivered batch) are only noted in `processed`: nothing of them is decrypted.
    ///
    /// Each room's sessions go to the opening threads as soon as that room's look-ups are done,
    /// so the threads decrypt while the batch's thread reads the next rooms' keys; the batch's
    /// thread then joins them. A session is opened per room (a room key belongs to one room).
    mutating func openAll(_ timelines: [String: [ClientEvent]]) throws -> [String: [Int: Taken]] {
        let pickleKey = keyring.pickleKey
        let run = { @Sendable (group: Group) in Self.open(group, pickleKey: pickleKey) }
        let queue = OpeningQueue()
        let helpers = DispatchGroup()
        let encrypted = timelines.values.reduce(0) { count, events in count + events.lazy.filter { $0.type == "m.room.encrypted" }.count }
        if encrypted >= Self.parallelThreshold {
            for _ in 0..<Self.helperThreads {
                DispatchQueue.global(qos: .userInitiated).async(group: helpers) { while let group = queue.take() { run(group) } }
            }
        }
        // However the look-ups end, no opening thread outlives this call.
        defer {
            queue.close()
            helpers.wait()
        }
        for (roomID, events) in timelines {
            // Each room's look-ups in one statement each: which events were routed already, and
            // the stored keys of the sessions named.
            var candidates: [(position: Int, event: ClientEvent, envelope: MegolmEnvelope)] = []
            for (position, event) in events.enumerated()
            where event.type == "m.room.encrypted" && event.sender != botUserID && !event.eventID.isEmpty {
                guard let envelope = MegolmEnvelope(event.content) else { continue }
                candidates.append((position, event, envelope))
            }
            guard !candidates.isEmpty else { continue }
            let routed = try writer.sync.processed(among: candidates.map(\.event.eventID))
            try readSessionsAhead(roomID: roomID, sessionIDs: Set(candidates.lazy.filter { !routed.contains($0.event.eventID) }.map(\.envelope.sessionID)))
            var groups: [String: Group] = [:]
            var found: [Group] = []
            for (position, event, envelope) in candidates {
                // A re-delivered event was routed already: it is passed over unopened (`open`).
                if routed.contains(event.eventID) {
                    processed.insert(event.eventID)
                    continue
                }
                guard let stored = try storedSession(for: event, envelope: envelope, roomID: roomID) else { continue }
                let key = stored.senderKey + "|" + stored.sessionID
                let group = groups[key] ?? Group(stored: stored)
                if groups[key] == nil {
                    groups[key] = group
                    found.append(group)
                }
                group.jobs.append(Job(roomID: roomID, position: position, event: event, envelope: envelope, stored: stored))
            }
            queue.add(found)
        }
        queue.close()
        while let group = queue.take() { run(group) }
        helpers.wait()
        // Every group, in the order found; the queue holds none after this.
        let order = queue.emptied()
        // The sessions opened here are not kept for the rest of the batch: each thread let go of
        // its own (so they are freed side by side), and only events `openAll` passed over, which
        // have no stored key, are opened after it.
        var openings: [String: [Int: Taken]] = [:]
        var indexes: [MegolmIndex] = []
        for group in order {
            for (job, opening) in zip(group.jobs, group.openings) {
                openings[job.roomID, default: [:]][job.position] = Taken(opening: opening, envelope: job.envelope)
                if case .opened(_, let index, _, _) = opening { indexes.append(index) }
            }
        }
        // The groups' events and openings are copied into `openings`: the rest goes elsewhere.
        Reclaimer.release(consume order)
        // Who used the opened messages' indexes, for all of them at once.
        try ledger.readAhead(indexes, from: writer.undecrypted)
        return openings
    }

    private static func open(_ group: Group, pickleKey: PickleKey) {
        if group.session == nil { group.session = try? MegolmInboundSession(pickle: group.stored.pickle, key: pickleKey) }
        guard let session = group.session else {
            group.openings = group.jobs.map { _ in .done(.refused(.brokenKey)) }
            return
        }
        group.openings = group.jobs.map {
            RoomEventDecryptor.open($0.event, envelope: $0.envelope, roomID: $0.roomID, session: session, stored: $0.stored, deferSignature: true)
        }
        group.session = nil
    }

    /// The stored room key the envelope names: by the sender key it claims, else the sender's.
    mutating func storedSession(for event: ClientEvent, envelope: MegolmEnvelope, roomID: String) throws -> StoredMegolmSession? {
        let candidates = try storedSessions(roomID: roomID, sessionID: envelope.sessionID)
        return envelope.senderKey.flatMap { key in candidates.first { $0.senderKey == key } }
            ?? candidates.first { $0.senderUserID == event.sender } ?? candidates.first
    }

    /// One event opened on the batch's thread (a kept event, or one `openAll` did not take).
    mutating func open(_ event: ClientEvent, envelope: MegolmEnvelope, roomID: String, deferSignature: Bool) throws -> RoomEventDecryptor.Opening {
        guard let stored = try storedSession(for: event, envelope: envelope, roomID: roomID) else { return .done(.keyMissing) }
        let key = stored.senderKey + "|" + stored.sessionID
        guard let session = opened[key] ?? (try? MegolmInboundSession(pickle: stored.pickle, key: keyring.pickleKey)) else {
            return .done(.refused(.brokenKey))
        }
        opened[key] = session
        return RoomEventDecryptor.open(event, envelope: envelope, roomID: roomID, session: session, stored: stored, deferSignature: deferSignature)
    }

    /// The sessions the batch's thread has looked up, waiting for a thread to open them, in the
    /// order they were found; `take` waits for more until the batch's thread closes the queue.
    private final class OpeningQueue: @unchecked Sendable {
        // Every field is read and written under `condition`.
        private let condition = NSCondition()
        private var waiting: [Group] = []
        private var next = 0
        private var closed = false

        func add(_ groups: [Group]) {
            guard !groups.isEmpty else { return }
            condition.lock()
            waiting += groups
            condition.broadcast()
            condition.unlock()
        }

        /// No more groups come; the threads stop once the queue is empty.
        func close() {
            condition.lock()
            closed = true
            condition.broadcast()
            condition.unlock()
        }

        /// Every group added, in order, the queue left holding none; once the threads are done with it.
        func emptied() -> [Group] {
            condition.lock()
            defer { condition.unlock() }
            let all = waiting
            (waiting, next) = ([], 0)
            return all
        }

        /// The next group to open, or nil once the queue is closed and empty.
        func take() -> Group? {
            condition.lock()
            defer { condition.unlock() }
            while next == waiting.count && !closed { condition.wait() }
            guard next < waiting.count else { return nil }
            next += 1
            return waiting[next - 1]
        }
    }
}
