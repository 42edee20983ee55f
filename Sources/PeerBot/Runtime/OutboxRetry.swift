import Foundation
import MatrixClient
import PeerBotStore

/// What becomes of an outbox row after a failed attempt: the pure part of the sender's decisions.
enum OutboxOutcome: Equatable {
    /// Try again at `at`; `counted` is false for a rate limit, which is not the row's fault.
    case retry(at: Date, counted: Bool)
    /// Never going to work: mark the row failed (and tell the supervisors why).
    case giveUp(OutboxFailure)
    /// The access token is gone: the bot stops.
    case stop(errcode: String)
}

/// Why a row was given up, in terms a supervisor can act on.
enum OutboxFailure: Equatable {
    /// 413: the event is larger than the homeserver accepts.
    case tooLarge
    /// A 4xx other than 429 and 413, e.g. 403 when the bot is not in the room.
    case refused(String)
    /// A room, or an earlier message, this row depends on was never made.
    case dependency(String)
    /// The row itself cannot be read.
    case corrupt
    /// Retried for as long as the bound allows.
    case exhausted(String)
}

/// Back-off and bounds for outbox rows.
///
/// Transient failures (no answer, 5xx) are retried with exponential back-off for 24 hours from
/// when the row was queued: a homeserver outage must not lose messages. Any other error (a
/// database error, something unexpected) is retried at most 8 times. Rate limits wait as told
/// and count for nothing. The next attempt's time is stored on the row, so a restart keeps it.
struct OutboxRetry: Sendable {
    var base: TimeInterval = 2
    var cap: TimeInterval = 600
    var maxAttempts = 8
    var transientWindow: TimeInterval = 24 * 3600
    var defaultRateLimitWait: TimeInterval = 2

    /// `attempts` counts the failures before this one; `jitter` is in 0..<1.
    func decide(_ error: any Error, attempts: Int, queuedAt: Date, now: Date, jitter: Double) -> OutboxOutcome {
        switch error {
        case is CorruptOutboxItem: return .giveUp(.corrupt)
        case let error as UnresolvedRoomRef: return .giveUp(.dependency(error.description))
        case let error as UnresolvedEventRef: return .giveUp(.dependency(error.description))
        case let error as PlaintextRefused: return .giveUp(.refused(error.description))
        default: break
        }
        let failure = error as? MatrixClientError
        let transient: Bool
        switch failure {
        case .server(let matrix)?:
            if matrix.isUnknownToken { return .stop(errcode: matrix.errcode) }
            if matrix.isRateLimited {
                let wait = matrix.retryAfter.map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 }
                // At least half a second: a 429 that names no wait (or zero) must not become a busy loop.
                return .retry(at: now + max(0.5, min(wait ?? defaultRateLimitWait, 3600)), counted: false)
            }
            if matrix.status == 413 { return .giveUp(.tooLarge) }
            if matrix.status < 500 { return .giveUp(.refused(matrix.description)) }
            transient = true
        case .transport?, .invalidResponse?:
            transient = true
        case nil:
            transient = false
        }
        let failures = attempts + 1
        if transient ? now.timeIntervalSince(queuedAt) >= transientWindow : failures >= maxAttempts {
            return .giveUp(.exhausted(String(describing: error)))
        }
        return .retry(at: now + backoff(failures: failures, jitter: jitter), counted: true)
    }

    /// Between half and all of base·2^(failures-1), capped.
    func backoff(failures: Int, jitter: Double) -> TimeInterval {
        let ceiling = min(base * pow(2, Double(min(max(failures - 1, 0), 30))), cap)
        return ceiling * (0.5 + 0.5 * min(max(jitter, 0), 1))
    }
}

/// The homeserver's rate limits apply per kind of action (Synapse: room creation, invites,
/// joins, messages), so a limit on one kind holds back only rows of that kind.
enum ActionClass: Hashable, Sendable {
    case roomCreation, invite, join, message, membership, media

    init(_ kind: OutboxAction) {
        switch kind {
        case .createRoom: self = .roomCreation
        case .invite: self = .invite
        case .join: self = .join
        case .send, .state, .redact: self = .message
        case .leave, .kick: self = .membership
        case .sendFile: self = .media
        }
    }
}
