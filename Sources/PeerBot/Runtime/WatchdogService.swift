import Logging
import ServiceLifecycle

/// Pings systemd's watchdog while the sync loop and the scheduler both keep making progress:
/// batches and ticks that commit, not attempts that fail on the store again and again.
struct WatchdogService: Service {
    let notifier: SystemdNotifier
    let heartbeats: [Heartbeat]
    let interval: Duration
    /// A long-poll plus the longest back-off, with room to spare.
    let window: Duration = .seconds(150)

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { [self] in
                while !Task.isCancelled {
                    if heartbeats.allSatisfy({ $0.isAlive(within: window) }) { notifier.watchdog() }
                    try await Task.sleep(for: interval)
                }
            }
        } catch is CancellationError {}
    }
}
