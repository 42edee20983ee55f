import Foundation
import Logging
import MatrixClient
import MatrixCrypto
import PeerBotStore

/// What the bot needs to read encrypted room events: the key that seals its room keys.
public struct RoomKeyring: Sendable {
    let pickleKey: PickleKey

    public init(pickleKey: PickleKey) { self.pickleKey = pickleKey }
}

/// Opens the encrypted events of one sync batch inside the batch's transaction, before the
/// router reads anything: a decrypted event takes the encrypted one's place (same id, sender and
/// time), an event whose key is missing is kept in the store instead of routed, and a kept event
/// whose key has come since is put back in front of its room's new events. Nothing here logs a
/// plaintext.
struct BatchDecryption {
    let keyring: RoomKeyring
    let writer: StoreWriter
    let botUserID: String
    let now: Date
    let logger: Logger
    /// Room keys opened in this batch, by sender key and session id: each pickle is opened once.
    var opened: [String: MegolmInboundSession] = [:]
    /// The stored room keys by room and session id, read once per batch: a catch-up brings many
    /// events of one session, and no key is stored while the batch is decrypted.
    private var storedKeys: [String: [String: [StoredMegolmSession]]] = [:]
    /// The decrypted events whose signatures are still to check, by event id: the router checks
    /// them before the event has any effect (`EventRouter.authenticate`).
    private(set) var unverified: [String: [UnverifiedMessage]] = [:]
    /// The batch's encrypted events already routed in an earlier batch, found by `openAll`.
    var processed: Set<String> = []
    /// What the batch did, for the logs and tests.
    private(set) var counts = Counts()
    /// Who used the message indexes the batch decrypts, read and claimed for the whole batch.
    var ledger: MessageIndexLedger

    struct Counts: Equatable {
        var decrypted = 0
        var kept = 0
        var released = 0
        var refused = 0
    }

    init(keyring: RoomKeyring, writer: StoreWriter, botUserID: String, now: Date, logger: Logger) {
        self.keyring = keyring
        self.writer = writer
        self.botUserID = botUserID
        self.now = now
        self.logger = logger
        ledger = MessageIndexLedger(now: now)
    }

    /// The batch's timelines as the router should read them.
    mutating func prepare(_ timelines: [String: [ClientEvent]]) throws -> [String: [ClientEvent]] {
        var ready = try release()
        let openings = try openAll(timelines)
        for (roomID, events) in timelines {
            ready[roomID, default: []].append(contentsOf: try open(events, roomID: roomID, openings: openings[roomID] ?? [:]))
        }
        Reclaimer.release(consume openings)
        // The router records the indexes of the messages it checks: the claims go first.
        try ledger.flush(to: writer)
        return ready
    }

    /// The batch's look-up tables (room keys, indexes, unchecked messages), left empty here once
    /// the router has what it needs; the store access stays, as it must never reach the
    /// reclaiming thread.
    mutating func takeTables() -> (opened: [String: MegolmInboundSession], stored: [String: [String: [StoredMegolmSession]]],
                                   unverified: [String: [UnverifiedMessage]], processed: Set<String>, ledger: MessageIndexLedger) {
        defer { (opened, storedKeys, unverified, processed, ledger) = ([:], [:], [:], [], MessageIndexLedger(now: now)) }
        return (opened, storedKeys, unverified, processed, ledger)
    }

    /// The stored room keys of one session in one room, read once per batch.
    mutating func storedSessions(roomID: String, sessionID: String) throws -> [StoredMegolmSession] {
        if let known = storedKeys[roomID]?[sessionID] { return known }
        let candidates = try writer.undecrypted.megolmSessions(roomID: roomID, sessionID: sessionID)
        storedKeys[roomID, default: [:]][sessionID] = candidates
        return candidates
    }

    /// Reads the stored room keys of `sessionIDs` in `roomID` not read yet, in one statement.
    mutating func readSessionsAhead(roomID: String, sessionIDs: Set<String>) throws {
        let known = storedKeys[roomID] ?? [:]
        let unknown = sessionIDs.filter { known[$0] == nil }
        guard !unknown.isEmpty else { return }
        storedKeys[roomID, default: [:]].merge(try writer.undecrypted.megolmSessions(roomID: roomID, sessionIDs: Array(unknown))) { $1 }
    }

    /// Kept events whose room key has arrived: decrypted now, or kept on when it still does not reach back.
    private mutating func release() throws -> [String: [ClientEvent]] {
        var ready: [String: [ClientEvent]] = [:]
        for pending in try writer.undecrypted.eventsWithKeys() {
            guard let event = try? JSONDecoder().decode(ClientEvent.self, from: Data(pending.event.utf8)),
                  let envelope = MegolmEnvelope(event.content) else {
                try writer.undecrypted.drop(eventID: pending.eventID)
                continue
            }
            switch try decrypt(event, envelope: envelope, roomID: pending.roomID) {
            case .decrypted(let readable, _), .decryptedUnverified(let readable, _, _):
                // Kept events have their signature checked before decrypting (no deferring asked).
                try writer.undecrypted.drop(eventID: pending.eventID)
                ready[pending.roomID, default: []].append(readable)
                counts.released += 1
            case .keyMissing:
                // The decryption just read these keys; none came in between (room keys are taken first).
                let reach = try storedSessions(roomID: pending.roomID, sessionID: envelope.sessionID).map(\.firstKnownIndex).min()
                try writer.undecrypted.markTried(eventID: pending.eventID, firstIndex: reach ?? 0)
            case .refused(let reason):
                try writer.undecrypted.drop(eventID: pending.eventID)
                refuse(event, roomID: pending.roomID, reason)
            }
        }
        return ready
    }

    /// One room's new events: plain ones as they are, encrypted ones decrypted, kept or dropped.
    /// `openings`: the events already opened by `openAll`, by position.
    private mutating func open(_ events: [ClientEvent], roomID: String, openings: [Int: Taken]) throws -> [ClientEvent] {
        guard events.contains(where: { $0.type == "m.room.encrypted" || $0.type == "m.room.redaction" }),
              let room = try writer.rooms.find(id: roomID) else { return events }
        var joinedAt = room.joinedAt
        var ready: [ClientEvent] = []
        ready.reserveCapacity(events.count)
        for (position, event) in events.enumerated() {
            if event.isJoin(of: botUserID) {
                joinedAt = joinedAt.map { min($0, event.sentAt) } ?? event.sentAt
            }
            if event.type == "m.room.redaction", let target = event.redactedEventID {
                // A message redacted while it waited for its key is never answered.
                try writer.undecrypted.drop(eventID: target)
            }
            let taken = openings[position]
            guard event.type == "m.room.encrypted", event.sender != botUserID, !event.eventID.isEmpty,
                  let envelope = taken?.envelope ?? MegolmEnvelope(event.content) else {
                ready.append(event)
                continue
            }
            // Routed already (`openAll` looked): neither decrypted nor routed again, and its
            // index stays claimed by it, so a copy under another id is still a replay.
            if processed.contains(event.eventID) { continue }
            switch try decrypt(event, envelope: envelope, roomID: roomID, deferSignature: true, opening: taken?.opening) {
            case .decrypted(let readable, _):
                ready.append(readable)
                counts.decrypted += 1
            case .decryptedUnverified(let readable, let index, let signature):
                ready.append(readable)
                unverified[event.eventID, default: []].append(UnverifiedMessage(index: index, signature: signature))
                counts.decrypted += 1
            case .keyMissing:
                // Encrypted history from before the bot joined was never meant for it.
                guard let joinedAt, event.sentAt >= joinedAt else { continue }
                try keep(event, envelope: envelope, roomID: roomID)
            case .refused(let reason):
                refuse(event, roomID: roomID, reason)
            }
        }
        return ready
    }

    /// Decrypts with the stored room key the envelope names, recording the message index used.
    /// With `deferSignature`, an event whose signature is not checked yet claims its index
    /// (`RoomEventDecryptor.decrypt`); the router checks it before the event has any effect.
    /// `opening`: the event opened already (`openAll`), so only the replay rule is left.
    private mutating func decrypt(_ event: ClientEvent, envelope: MegolmEnvelope, roomID: String,
                                  deferSignature: Bool = false, opening: RoomEventDecryptor.Opening? = nil) throws -> RoomEventDecryption {
        let opening = try opening ?? open(event, envelope: envelope, roomID: roomID, deferSignature: deferSignature)
        let reader = writer.undecrypted
        let outcome = try RoomEventDecryptor.judge(opening, event: event) { try ledger.use($0, in: reader) }
        switch outcome {
        case .decrypted(_, let index):
            try ledger.record(index, eventID: event.eventID, in: writer)
        case .decryptedUnverified(_, let index, let signature):
            try ledger.claim(index, eventID: event.eventID, signature: signature.signature, in: writer)
        case .keyMissing, .refused: break
        }
        return outcome
    }

    private mutating func keep(_ event: ClientEvent, envelope: MegolmEnvelope, roomID: String) throws {
        let json = String(decoding: try JSONEncoder().encode(event), as: UTF8.self)
        try writer.undecrypted.keep(PendingEncryptedEvent(
            eventID: event.eventID, roomID: roomID, senderUserID: event.sender, senderKey: envelope.senderKey,
            sessionID: envelope.sessionID, deviceID: envelope.deviceID, event: json, receivedAt: now))
        counts.kept += 1
        logger.info("encrypted message kept until its room key arrives", metadata: [
            "event": "\(event.eventID)", "room": "\(roomID)", "sender": "\(event.sender)",
        ])
    }

    private mutating func refuse(_ event: ClientEvent, roomID: String, _ reason: DecryptionRefusal) {
        counts.refused += 1
        logger.warning("encrypted message refused", metadata: [
            "event": "\(event.eventID)", "room": "\(roomID)", "sender": "\(event.sender)", "reason": "\(reason.rawValue)",
        ])
    }
}
