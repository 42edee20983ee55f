import Logging
import MatrixClient

/// Runs one homeserver call until it succeeds, following the retry policy.
struct Retrying: Sendable {
    var policy = RetryPolicy()
    let logger: Logger

    /// Retries rate limits and outages; throws `BotStop.tokenRejected` on `M_UNKNOWN_TOKEN`
    /// and rethrows errors that retrying cannot fix.
    func run<T: Sendable>(_ what: String, _ operation: @Sendable () async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await operation()
            } catch let error as CancellationError {
                throw error
            } catch {
                attempt += 1
                switch policy.decide(error, attempt: attempt, jitter: Double.random(in: 0..<1)) {
                case .stop:
                    throw BotStop.tokenRejected((error as? MatrixClientError)?.matrixError?.errcode ?? "M_UNKNOWN_TOKEN")
                case .giveUp:
                    throw error
                case .retry(let delay):
                    logger.warning("\(what) failed, retrying", metadata: ["attempt": "\(attempt)", "in": "\(delay)", "error": "\(error)"])
                    try await Task.sleep(for: delay)
                }
            }
        }
    }
}
