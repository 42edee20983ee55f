import Foundation

/// What to do after a failed call.
public enum RetryDecision: Sendable, Equatable {
    /// Try the same call again after this delay.
    case retry(after: Duration)
    /// The access token is no longer valid: the bot must stop.
    case stop
    /// The call will never succeed as it is (e.g. 403, 400): give it up.
    case giveUp
}

/// Decides retries: rate limits wait as told, outages back off exponentially with jitter.
public struct RetryPolicy: Sendable {
    public var base: Duration
    public var cap: Duration
    /// Delay used for a 429 that names no wait.
    public var defaultRateLimitWait: Duration

    public init(base: Duration = .milliseconds(500), cap: Duration = .seconds(60), defaultRateLimitWait: Duration = .seconds(2)) {
        self.base = base
        self.cap = cap
        self.defaultRateLimitWait = defaultRateLimitWait
    }

    /// `attempt` counts failures so far, starting at 1; `jitter` is a random number in 0..<1.
    public func decide(_ error: any Error, attempt: Int, jitter: Double) -> RetryDecision {
        guard let failure = error as? MatrixClientError else {
            return error is CancellationError ? .giveUp : .retry(after: backoff(attempt: attempt, jitter: jitter))
        }
        switch failure {
        case .transport, .invalidResponse:
            return .retry(after: backoff(attempt: attempt, jitter: jitter))
        case .server(let matrix):
            if matrix.isUnknownToken { return .stop }
            if matrix.isRateLimited { return .retry(after: min(matrix.retryAfter ?? defaultRateLimitWait, cap * 5)) }
            if matrix.status >= 500 { return .retry(after: backoff(attempt: attempt, jitter: jitter)) }
            return .giveUp
        }
    }

    /// Full jitter: a random delay between half and all of base·2^(attempt-1), capped.
    public func backoff(attempt: Int, jitter: Double) -> Duration {
        let exponent = min(max(attempt - 1, 0), 20)
        let ceiling = min(base * (1 << exponent), cap)
        let fraction = 0.5 + 0.5 * min(max(jitter, 0), 1)
        return ceiling * fraction
    }
}
