import Foundation
import Logging
import MatrixClient
import PeerBotStore
import PeerLearning
import ServiceLifecycle
import Synchronization

/// Drains the outbox room by room, re-sending each item with its own transaction id until the
/// homeserver confirms, so a crash at any point never posts a message twice. A room whose first
/// item keeps failing waits out its back-off alone; the other rooms go on, answers first.
final class OutboxSender: Service, Sendable {
    let client: MatrixClient
    let database: AppDatabase
    let wakeup: Wakeup
    let logger: Logger
    /// The bot's own user id, for its `m.direct` account data.
    let botUserID: String
    /// The language of alerts and progress messages when a batch names none.
    let language: Language
    /// The command prefix, for an alert that names the command to get a lost summary again.
    let prefix: String
    let retry = OutboxRetry()
    let now: @Sendable () -> Date
    /// Until when each kind of action is rate-limited, and the last wait a room creation was told.
    let limits = Mutex<(holds: [ActionClass: Date], creationWait: TimeInterval?)>(([:], nil))
    /// Rows whose bookkeeping failed (the database refused a write about them): skipped until then.
    let sidelined = Mutex<[Int64: Date]>([:])
    /// The rooms whose row is being delivered now, and the kinds of action a homeserver limited.
    let lanes = Mutex(SendingLanes())
    /// How many rooms' rows are delivered at once.
    static let parallelRooms = 8
    /// The bot's `m.direct` account data, updated for many new direct rooms at once.
    let directRooms = DirectRoomBook()
    /// How long the outbox goes on sending after SIGTERM: its share of the 5 s the bot has to exit.
    static let drainBudget: Duration = .seconds(3)
    let drainBudget: Duration
    /// Set at SIGTERM: until when the rows already due may still go out.
    let drainingUntil = Mutex<ContinuousClock.Instant?>(nil)
    /// Encrypts for encrypted rooms; nil without `pickle_key_file` (such rooms are then refused).
    let encryptor: RoomEncryptor?

    init(client: MatrixClient, database: AppDatabase, wakeup: Wakeup, logger: Logger, botUserID: String,
         language: Language = .en, prefix: String = "!", encryptor: RoomEncryptor? = nil,
         drainBudget: Duration = OutboxSender.drainBudget, now: @escaping @Sendable () -> Date = { Date() }) {
        self.drainBudget = drainBudget
        self.encryptor = encryptor
        self.botUserID = botUserID
        self.prefix = prefix
        self.client = client
        self.database = database
        self.wakeup = wakeup
        self.logger = logger
        self.language = language
        self.now = now
    }

    /// Sends until SIGTERM, then drains: what is due goes out (the answer to the command just
    /// handled among it) until nothing is or `drainBudget` has passed. A send still under way then
    /// is cut by the group's cancellation; its row stays pending and goes, same transaction id,
    /// after the restart.
    func run() async throws {
        do {
            try await withGracefulShutdownHandler { [self] in
                try await loop()
            } onGracefulShutdown: { [self] in
                drainingUntil.withLock { $0 = $0 ?? ContinuousClock.now.advanced(by: drainBudget) }
                wakeup.signal()
            }
        } catch is CancellationError {
            logger.info("outbox stopped")
        }
    }

    /// Claims and starts deliveries until no more may start, then waits for one to finish, a new
    /// row or the next due moment. Deliveries run side by side, one per room, so a room the
    /// homeserver takes its time to create holds back only that room's own welcome.
    private func loop() async throws {
        var settled = false
        try await withThrowingDiscardingTaskGroup { group in
            while !Task.isCancelled {
                let draining = drainingUntil.withLock { $0 }
                if let draining, ContinuousClock.now >= draining {
                    logger.notice("outbox stopped before it was drained; the rest goes after the restart")
                    return
                }
                do {
                    if !settled {
                        try finishSettledBatches()
                        settled = true
                    }
                    let claimed = try claim()
                    for item in claimed.items {
                        group.addTask { [self] in
                            defer {
                                release(item)
                                wakeup.signal()
                            }
                            try await attempt(item)
                        }
                    }
                    if claimed.readAgain { continue }
                    if draining != nil, inFlightCount == 0 {
                        logger.info("outbox drained")
                        return
                    }
                    try await wakeup.wait(timeout: .seconds(max(0.05, min(try secondsUntilDue(), 30))))
                } catch let error as BotStop {
                    throw error
                } catch let error as CancellationError {
                    throw error
                } catch {
                    // The database itself failed (busy, disk full): nothing is lost, try again shortly.
                    logger.error("the outbox could not be read or updated; trying again", metadata: ["error": "\(error)"])
                    try await Task.sleep(for: .seconds(1))
                }
            }
        }
    }

    /// Sends the most urgent due item, if any, and waits for it; false when nothing can be tried
    /// now. The queue is read again for every item, so an answer queued meanwhile goes ahead of
    /// bulk work.
    @discardableResult
    func sendNext() async throws -> Bool {
        let claimed = try claim(capacity: 1)
        guard let item = claimed.items.first else { return claimed.readAgain }
        defer { release(item) }
        try await attempt(item)
        return true
    }

    /// One delivery; when only its bookkeeping fails (the database refused a write about it),
    /// its row is sidelined for a while: its room waits, the others go on.
    func attempt(_ item: OutboxItem) async throws {
        do {
            try await deliver(item)
        } catch let error as BotStop {
            throw error
        } catch let error as CancellationError {
            throw error
        } catch {
            logger.error("an outbox row could not be updated; its room waits", metadata: ["outbox": "\(item.id)", "error": "\(error)"])
            let moment = now()
            sidelined.withLock { $0[item.id] = moment + retry.backoff(failures: item.attempts + 1, jitter: 1) }
        }
    }

    /// Seconds until a held kind of action or a waiting room is due again.
    private func secondsUntilDue() throws -> TimeInterval {
        let moment = now()
        let holdEnd = limits.withLock { $0.holds.values.filter { $0 > moment }.min() }
        let nextAttempt = try database.read { try $0.outbox.nextAttempt() }
        guard let next = [holdEnd, nextAttempt].compactMap({ $0 }).min() else { return 30 }
        return next.timeIntervalSince(moment)
    }

    /// One attempt at one item: sent, scheduled for a later attempt, or given up with an alert.
    func deliver(_ item: OutboxItem) async throws {
        do {
            let eventID = try await perform(item)
            lanes.withLock { _ = $0.proven.insert(ActionClass(item.action)) }
            var watch = Stopwatch()
            try database.outbox.markSent(id: item.id, eventID: eventID)
            logger.debug("marked sent (ms)", metadata: ["outbox": "\(item.id)", "write": "\(watch.lap())"])
        } catch let error as CancellationError {
            throw error
        } catch {
            try handle(error, item: item)
        }
        try reportProgress(after: item)
    }

    private func handle(_ error: any Error, item: OutboxItem) throws {
        let moment = now()
        let unanswered = error as? UnansweredCreation
        let outcome = retry.decide(unanswered?.underlying ?? error, attempts: item.attempts, queuedAt: item.createdAt, now: moment,
                                   jitter: Double.random(in: 0..<1))
        switch outcome {
        case .stop(let errcode):
            throw BotStop.tokenRejected(errcode)
        case .retry(let soonest, let counted):
            let next = max(soonest, unanswered?.settled ?? soonest)
            if !counted { rateLimited(ActionClass(item.action), until: next, from: moment) }
            logger.warning("sending failed, trying again later", metadata: [
                "outbox": "\(item.id)", "attempt": "\(item.attempts + 1)", "at": "\(next)", "error": "\(error)"])
            try database.outbox.scheduleRetry(id: item.id, error: String(describing: error), next: next, counted: counted)
        case .giveUp(let failure):
            logger.warning("an outgoing action cannot be delivered; it is kept as failed", metadata: ["outbox": "\(item.id)", "error": "\(error)"])
            // One transaction: a process killed here leaves the row pending or failed with its alert.
            try database.write { writer in
                try writer.outbox.markFailed(id: item.id, reason: String(describing: error), at: moment)
                if case .dependency = failure { return } // the row it depends on was reported already
                try alert(failure, item: item, writer: writer)
            }
        }
    }

    private func rateLimited(_ actionClass: ActionClass, until next: Date, from moment: Date) {
        lanes.withLock { _ = $0.limited.insert(actionClass) }
        limits.withLock { limits in
            limits.holds[actionClass] = max(limits.holds[actionClass] ?? .distantPast, next)
            if actionClass == .roomCreation { limits.creationWait = next.timeIntervalSince(moment) }
        }
    }

    /// Tells the supervisors that something could not be delivered, and how to get a summary
    /// again; an alert that fails itself is only logged, so failures never feed on each other.
    func alert(_ failure: OutboxFailure, item: OutboxItem?, writer: StoreWriter) throws {
        let marks = item.map { Self.marks(of: $0.action) } ?? [:]
        let kind = marks["peerbot.kind"]?.stringValue
        guard kind != MessageKind.alert.rawValue, let supervisorRoom = try writer.rooms.supervisor()?.roomID else { return }
        var lost = LostDelivery(room: item?.action.roomID, kind: kind)
        if kind == MessageKind.summary.rawValue, let group = marks["peerbot.group"]?.stringValue,
           let session = marks["peerbot.session"]?.intValue {
            lost.summaryGroup = group
            lost.summarySession = Int(session)
        }
        try writer.enqueue(Texts(language, prefix: prefix).delivery.deliveryFailed(Self.reason(failure), lost), to: supervisorRoom)
    }

    private static func reason(_ failure: OutboxFailure) -> DeliveryFailure {
        switch failure {
        case .tooLarge: .tooLarge
        case .refused(let detail): .refused(detail)
        case .dependency(let detail): .refused(detail)
        case .corrupt: .unreadable
        case .exhausted(let detail): .gaveUp(detail)
        }
    }

    /// The `peerbot.kind` of a message action, for the alert and to keep alerts from alerting.
    static func messageKind(of action: OutboxAction) -> String? {
        marks(of: action)["peerbot.kind"]?.stringValue
    }

    /// The content fields of a message action (its `peerbot.*` marks among them); none for other actions.
    static func marks(of action: OutboxAction) -> [String: JSONValue] {
        switch action {
        case .send(_, _, let json): JSONValue.parse(json)?.objectValue ?? [:]
        case .sendFile(_, let json): JSONValue.parse(json)?["content"]?.objectValue ?? [:]
        default: [:]
        }
    }

    /// Carries out one action; returns the event id where the action created an event.
    private func perform(_ item: OutboxItem) async throws -> String? {
        switch try resolved(item.action) {
        case .send(let roomID, let eventType, let contentJSON):
            var watch = Stopwatch()
            let started = Stopwatch.uptime
            let content = try withEventIDs(Self.content(contentJSON))
            let event = try await outgoing(roomID: roomID, eventType: eventType, item: item) { content }
            let sealed = watch.lap()
            let eventID = try await client.send(roomID: roomID, eventType: event.eventType, txnID: item.txnID, content: event.content)
            logger.debug("send timing (ms)", metadata: ["outbox": "\(item.id)", "encrypted": "\(event.eventType == "m.room.encrypted")",
                                                     "prepare": "\(sealed)", "send": "\(watch.lap())", "started_at": "\(started)"])
            return eventID
        case .state(let roomID, let eventType, let stateKey, let contentJSON):
            return try await client.setState(roomID: roomID, type: eventType, stateKey: stateKey, content: withEventIDs(Self.content(contentJSON)))
        case .redact(let roomID, let eventID, let reason):
            return try await client.redact(roomID: roomID, eventID: eventID, txnID: item.txnID, reason: reason)
        case .join(let roomID):
            try await client.join(roomID)
            return nil
        case .leave(let roomID):
            try await client.leave(roomID: roomID)
            return nil
        case .invite(let roomID, let userID):
            try await client.invite(roomID: roomID, userID: userID)
            try noteInvited(userID, to: roomID)
            return nil
        case .kick(let roomID, let userID, let reason):
            try await client.kick(roomID: roomID, userID: userID, reason: reason)
            return nil
        case .sendFile(let roomID, let fileJSON):
            return try await sendFile(roomID: roomID, file: Self.content(fileJSON), item: item)
        case .createRoom(let ref, let requestJSON):
            return try await createRoom(ref: ref, body: Self.content(requestJSON), item: item)
        }
    }

    private static func content(_ json: String) throws -> JSONValue {
        guard let value = JSONValue.parse(json) else { throw CorruptOutboxItem() }
        return value
    }
}

/// An outbox row whose stored content cannot be read; retrying cannot help.
struct CorruptOutboxItem: Error, CustomStringConvertible {
    var description: String { "stored content is not JSON" }
}
