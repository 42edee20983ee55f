import Foundation
import Logging
import MatrixClient
import PeerBotStore
import ServiceLifecycle

/// Drains the outbox in order, re-sending each item with its own transaction id until the
/// homeserver confirms, so a crash at any point never posts a message twice.
final class OutboxSender: Service, Sendable {
    let client: MatrixClient
    let database: AppDatabase
    let wakeup: Wakeup
    let logger: Logger
    /// The bot's own user id, for its `m.direct` account data.
    let botUserID: String
    let policy = RetryPolicy()

    init(client: MatrixClient, database: AppDatabase, wakeup: Wakeup, logger: Logger, botUserID: String) {
        self.botUserID = botUserID
        self.client = client
        self.database = database
        self.wakeup = wakeup
        self.logger = logger
    }

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { [self] in try await loop() }
        } catch is CancellationError {
            logger.info("outbox stopped")
        }
    }

    private func loop() async throws {
        while !Task.isCancelled {
            let items = try database.pendingOutbox(limit: 100)
            if items.isEmpty {
                try await wakeup.wait(timeout: .seconds(30))
                continue
            }
            for item in items {
                try await deliver(item)
            }
        }
    }

    /// Sends one item, retrying as the policy says; a permanent refusal is recorded and skipped.
    func deliver(_ item: OutboxItem) async throws {
        var attempt = item.attempts
        while true {
            do {
                let eventID = try await perform(item)
                try database.markOutboxSent(id: item.id, eventID: eventID)
                return
            } catch let error as CancellationError {
                throw error
            } catch {
                attempt += 1
                let decision = error is CorruptOutboxItem || error is UnresolvedRoomRef || error is UnresolvedEventRef ? .giveUp : policy.decide(error, attempt: attempt, jitter: Double.random(in: 0..<1))
                switch decision {
                case .stop:
                    throw BotStop.tokenRejected((error as? MatrixClientError)?.matrixError?.errcode ?? "M_UNKNOWN_TOKEN")
                case .giveUp:
                    logger.warning("the homeserver refused an outgoing action; it is kept as failed", metadata: ["outbox": "\(item.id)", "error": "\(error)"])
                    try database.markOutboxFailed(id: item.id, reason: String(describing: error))
                    return
                case .retry(let delay):
                    logger.warning("sending failed, retrying", metadata: ["outbox": "\(item.id)", "attempt": "\(attempt)", "in": "\(delay)", "error": "\(error)"])
                    try database.recordOutboxAttempt(id: item.id, error: String(describing: error))
                    try await Task.sleep(for: delay)
                }
            }
        }
    }

    /// Carries out one action; returns the event id where the action created an event.
    private func perform(_ item: OutboxItem) async throws -> String? {
        switch try resolved(item.action) {
        case .send(let roomID, let eventType, let contentJSON):
            return try await client.send(roomID: roomID, eventType: eventType, txnID: item.txnID, content: withEventIDs(Self.content(contentJSON)))
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
            return nil
        case .kick(let roomID, let userID, let reason):
            try await client.kick(roomID: roomID, userID: userID, reason: reason)
            return nil
        case .sendFile(let roomID, let fileJSON):
            return try await sendFile(roomID: roomID, file: Self.content(fileJSON), txnID: item.txnID)
        case .createRoom(let ref, let requestJSON):
            return try await createRoom(ref: ref, body: Self.content(requestJSON), itemID: item.id)
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
