import Synchronization

/// Wakes one waiting loop; signals while it is busy are kept as one.
final class Wakeup: Sendable {
    private struct State {
        var pending = false
        var nextID: UInt64 = 0
        /// A wait released (timed out or cancelled) before it had parked.
        var releasedID: UInt64?
        var waiter: (id: UInt64, continuation: CheckedContinuation<Void, Never>)?
    }

    private let state = Mutex(State())

    init() {}

    func signal() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.pending = true
                return nil
            }
            state.waiter = nil
            return waiter.continuation
        }
        waiter?.resume()
    }

    /// Returns on a signal or after `timeout`; throws `CancellationError` when the task is cancelled.
    func wait(timeout: Duration) async throws {
        let id = state.withLock { state -> UInt64? in
            if state.pending {
                state.pending = false
                return nil
            }
            state.nextID += 1
            return state.nextID
        }
        guard let id else { return }
        let timer = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            self?.release(id)
        }
        defer { timer.cancel() }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state -> Bool in
                    if state.pending || state.releasedID == id {
                        state.pending = false
                        return true
                    }
                    state.waiter = (id, continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            release(id)
        }
        try Task.checkCancellation()
    }

    private func release(_ id: UInt64) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter, waiter.id == id else {
                state.releasedID = id
                return nil
            }
            state.waiter = nil
            return waiter.continuation
        }
        waiter?.resume()
    }
}

/// When the sync loop last made progress; the watchdog pings only while it does.
final class Heartbeat: Sendable {
    private let last = Mutex(ContinuousClock.now)

    init() {}

    func beat() { last.withLock { $0 = .now } }

    func isAlive(within window: Duration) -> Bool {
        last.withLock { ContinuousClock.now - $0 < window }
    }
}

/// Whether the first `/sync` after a start has committed: until then the bot has not yet read
/// what was sent while it was down, and rounds must not be closed on a partial picture.
final class SyncProgress: Sendable {
    private let state: Mutex<Bool>

    init(caughtUp: Bool = false) {
        state = Mutex(caughtUp)
    }

    var caughtUp: Bool { state.withLock { $0 } }

    func markCaughtUp() { state.withLock { $0 = true } }
}
