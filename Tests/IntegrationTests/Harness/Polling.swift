import Foundation

/// Waiting by polling, so tests finish as soon as the condition holds.
enum Polling {
    /// How long a test waits for what the bot or the homeserver is expected to do. Far beyond what
    /// they need even on two cores busy with the whole suite: a passing test never waits it out,
    /// and a failing one still ends well inside the CI's time.
    static let patience: Duration = .seconds(300)

    /// Calls `probe` every `interval` until it returns a value or `timeout` passes.
    static func until<T: Sendable>(
        _ what: String,
        timeout: Duration,
        interval: Duration = .milliseconds(500),
        probe: @Sendable () async throws -> T?
    ) async throws -> T {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            if let value = try await probe() { return value }
            guard clock.now < deadline else { throw HarnessError.timedOut(what: what, after: timeout) }
            try await Task.sleep(for: interval)
        }
    }
}

/// A small deterministic generator (SplitMix64), so a failing random schedule can be replayed.
struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
