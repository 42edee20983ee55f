import Foundation

/// Where an outbox row is in its life.
public enum OutboxState: String, Codable, Sendable, CaseIterable {
    /// Not yet confirmed by the homeserver; the sender (re)tries it with the same txn id.
    case pending
    /// Confirmed by the homeserver.
    case sent
    /// Refused for good (e.g. 403); kept for inspection, never retried.
    case failed
}

/// Which rows the sender takes first when several rooms have something due.
public enum OutboxPriority: Int, Codable, Sendable, Comparable {
    /// Answers to commands, alerts and everything timed.
    case normal = 0
    /// Long bulk work: room creations, invites and welcomes for a new formation.
    case bulk = 1

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One row of the outbox, as the sender sees it.
public struct OutboxItem: Sendable, Equatable {
    public var id: Int64
    /// The transaction id sent with every attempt, so the homeserver applies it once.
    public var txnID: String
    public var action: OutboxAction
    public var state: OutboxState
    /// Failed attempts so far, including the one that gave up.
    public var attempts: Int
    /// The last error seen, or why it was given up.
    public var lastError: String?
    /// The event id the homeserver returned once sent.
    public var eventID: String?
    public var createdAt: Date
    public var priority: OutboxPriority = .normal
    /// Not tried again before this time (the back-off after a failed attempt); nil: due now.
    public var nextAttemptAt: Date?
    /// A room creation was sent but not answered: the room may exist and is looked for first.
    public var creationUncertain = false
}
