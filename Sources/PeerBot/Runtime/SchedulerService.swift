import Foundation
import Logging
import PeerBotStore
import ServiceLifecycle

/// Work that falls due with time rather than with a message. Each job decides from the store
/// and the clock, and writes its effects and messages in the scheduler's transaction.
protocol ScheduledWork: Sendable {
    /// Runs what is due at `now`; returns how many outbox rows it queued.
    func runDue(now: Date, config: BotConfig, writer: StoreWriter) throws -> Int
}

/// Ticks once a second and runs every due job in one transaction.
final class SchedulerService: Service, Sendable {
    let database: AppDatabase
    let config: ConfigHolder
    let outbox: Wakeup
    let work: [any ScheduledWork]
    let logger: Logger
    let interval: Duration

    init(database: AppDatabase, config: ConfigHolder, outbox: Wakeup, work: [any ScheduledWork], logger: Logger, interval: Duration = .seconds(1)) {
        self.database = database
        self.config = config
        self.outbox = outbox
        self.work = work
        self.logger = logger
        self.interval = interval
    }

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { [self] in
                while !Task.isCancelled {
                    tick(now: Date())
                    try await Task.sleep(for: interval)
                }
            }
        } catch is CancellationError {}
    }

    /// One pass over every job; a failing pass is logged and tried again next tick.
    func tick(now: Date) {
        let config = self.config.current
        let work = self.work
        do {
            let queued = try database.write { writer in
                try work.reduce(0) { $0 + (try $1.runDue(now: now, config: config, writer: writer)) }
            }
            if queued > 0 { outbox.signal() }
            // Retention, redactions and removals deleted text: the log's older copies go too.
            if try database.finishErasure() { logger.info("deleted texts erased from the database files") }
        } catch {
            logger.error("scheduled work failed; trying again", metadata: ["error": "\(error)"])
        }
    }
}
