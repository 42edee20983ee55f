import Logging
import ServiceLifecycle

/// Pings systemd's watchdog while the sync loop keeps making progress.
struct WatchdogService: Service {
    let notifier: SystemdNotifier
    let heartbeat: Heartbeat
    let interval: Duration
    /// A long-poll plus the longest back-off, with room to spare.
    let window: Duration = .seconds(150)

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { [self] in
                while !Task.isCancelled {
                    if heartbeat.isAlive(within: window) { notifier.watchdog() }
                    try await Task.sleep(for: interval)
                }
            }
        } catch is CancellationError {}
    }
}
