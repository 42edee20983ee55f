import Foundation
import Logging
import PeerBotStore
import ServiceLifecycle
import Synchronization

/// Work that falls due with time rather than with a message. Each job decides from the store
/// and the clock, and writes its effects and messages in the scheduler's transaction, each
/// piece through `jobs.run` so that one failing piece holds back no other.
protocol ScheduledWork: Sendable {
    /// Runs what is due at `jobs.now`; returns how many outbox rows it queued.
    func runDue(_ jobs: JobRunner) throws -> Int
}

extension ScheduledWork {
    /// Runs what is due at `now` on its own, caught up, as a test or a one-off call does.
    func runDue(now: Date, config: BotConfig, writer: StoreWriter) throws -> Int {
        try runDue(JobRunner.once(now: now, config: config, writer: writer))
    }
}

/// Ticks once a second and runs every due job in one transaction.
final class SchedulerService: Service, Sendable {
    let database: AppDatabase
    let config: ConfigHolder
    let outbox: Wakeup
    let work: [any ScheduledWork]
    let logger: Logger
    let interval: Duration
    let progress: SyncProgress
    /// Beats after every tick that committed, so a scheduler stuck on its database stops the watchdog.
    let heartbeat: Heartbeat
    /// Names the job running now, so that a job that kills the process is known at the next start.
    let breadcrumb: JobBreadcrumb?
    /// The job the previous process died in, until a tick has committed counting it.
    private let interrupted: Mutex<String?>

    init(database: AppDatabase, config: ConfigHolder, outbox: Wakeup, work: [any ScheduledWork], logger: Logger,
         progress: SyncProgress = SyncProgress(caughtUp: true), heartbeat: Heartbeat = Heartbeat(),
         breadcrumb: JobBreadcrumb? = nil, interval: Duration = .seconds(1)) {
        self.breadcrumb = breadcrumb
        interrupted = Mutex(breadcrumb?.interrupted())
        self.database = database
        self.config = config
        self.outbox = outbox
        self.work = work
        self.logger = logger
        self.progress = progress
        self.heartbeat = heartbeat
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

    /// One pass over every job. A job's own failure stays with that job; a pass that fails as a
    /// whole (the database busy, the disk full) is logged and tried again next tick.
    func tick(now: Date) {
        let config = self.config.current
        let work = self.work
        let (caughtUp, logger, breadcrumb) = (progress.caughtUp, self.logger, self.breadcrumb)
        do {
            // Committed on its own before any job runs: the job that killed the last process would
            // kill this one too, and take the count with it.
            if let interrupted = self.interrupted.withLock({ $0 }) {
                let queued = try database.write { writer in
                    try JobRunner(caughtUp: caughtUp, now: now, config: config, writer: writer, logger: logger).countInterrupted(interrupted)
                }
                self.interrupted.withLock { $0 = nil }
                breadcrumb?.reset()
                if queued > 0 { outbox.signal() }
            }
            let queued = try database.write { writer in
                let jobs = JobRunner(caughtUp: caughtUp, now: now, config: config, writer: writer, logger: logger, breadcrumb: breadcrumb)
                return try work.reduce(0) { total, item in
                    total + (try jobs.run(String(describing: type(of: item))) { try item.runDue(jobs) })
                }
            }
            heartbeat.beat()
            if queued > 0 { outbox.signal() }
            // Retention, redactions and removals deleted text: the log's older copies go too.
            if try database.finishErasure() { logger.info("deleted texts erased from the database files") }
        } catch {
            logger.error("scheduled work failed; trying again", metadata: ["error": "\(error)"])
        }
    }
}
