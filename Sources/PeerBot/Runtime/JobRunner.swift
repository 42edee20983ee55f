import Foundation
import Logging
import PeerBotStore
import PeerLearning
import Synchronization

/// How often each scheduled job has failed in a row, across ticks. Kept in memory: a restart
/// gives a failing job a fresh set of attempts, which is harmless.
final class JobFailures: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    init() {}

    /// Counts one more failure; returns how many in a row now.
    func fail(_ key: String) -> Int {
        counts.withLock { counts in
            counts[key, default: 0] += 1
            return counts[key, default: 0]
        }
    }

    func succeed(_ key: String) {
        _ = counts.withLock { $0.removeValue(forKey: key) }
    }
}

/// One tick's way of running scheduled jobs: each in its own savepoint, so one job's failure
/// never holds back another's, and a job that keeps failing is set aside with an alert.
struct JobRunner {
    /// Failures in a row after which a job is set aside rather than tried every second.
    static let attemptsBeforeSettingAside = 5

    let failures: JobFailures
    /// False until the first sync after a start has committed: closes and summaries wait for
    /// the messages sent while the bot was down.
    let caughtUp: Bool
    let now: Date
    let config: BotConfig
    let writer: StoreWriter
    let logger: Logger

    /// A runner for tests and one-off calls: caught up, with its own failure counts.
    static func once(now: Date, config: BotConfig, writer: StoreWriter) -> JobRunner {
        JobRunner(failures: JobFailures(), caughtUp: true, now: now, config: config, writer: writer, logger: Logger(label: "peerbot"))
    }

    /// Runs the job named `key` unless it was set aside. A transient failure is rethrown (the
    /// tick rolls back and is tried again); any other undoes only this job and is counted.
    func run(_ key: String, _ body: () throws -> Int) throws -> Int {
        guard try !writer.hasRun(jobKey: Self.setAsideKey(key)) else { return 0 }
        do {
            let queued = try writer.savepoint(body)
            failures.succeed(key)
            return queued
        } catch where !StoreFailure.isTransient(error) {
            let attempts = failures.fail(key)
            logger.error("scheduled job failed", metadata: ["job": "\(key)", "attempt": "\(attempts)", "error": "\(EventRouter.describe(error))"])
            guard attempts >= Self.attemptsBeforeSettingAside else { return 0 }
            return try setAside(key, attempts: attempts)
        }
    }

    /// Records the job as set aside in the job ledger and tells the supervisor room.
    private func setAside(_ key: String, attempts: Int) throws -> Int {
        try writer.markRun(jobKey: Self.setAsideKey(key), at: now)
        failures.succeed(key)
        logger.critical("scheduled job set aside after repeated failures", metadata: ["job": "\(key)", "attempts": "\(attempts)"])
        guard let room = try writer.supervisorRoom() else { return 0 }
        try writer.enqueue(Texts.jobSetAside(key, attempts: attempts, language: room.language(or: config.language)), to: room.roomID,
                           mentions: config.supervisors)
        return 1
    }

    /// The ledger entry that marks a job as set aside.
    static func setAsideKey(_ key: String) -> String { "set-aside/" + key }
}
