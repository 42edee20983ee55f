import Foundation
import Logging
import PeerBotStore
import PeerLearning

/// One tick's way of running scheduled jobs: each in its own savepoint, so one job's failure
/// never holds back another's, and a job that keeps failing is set aside with an alert. Its
/// failures in a row are kept in the job ledger (`jobFailure`), so a restart does not reset them.
struct JobRunner {
    /// Failures in a row after which a job is set aside rather than tried every second.
    static let attemptsBeforeSettingAside = 5

    /// False until the first sync after a start has committed: closes and summaries wait for
    /// the messages sent while the bot was down.
    let caughtUp: Bool
    let now: Date
    let config: BotConfig
    let writer: StoreWriter
    let logger: Logger
    /// Where the job running now is noted, so a job that kills the process is known afterwards.
    var breadcrumb: JobBreadcrumb?

    /// A runner for tests and one-off calls: caught up, with no breadcrumb.
    static func once(now: Date, config: BotConfig, writer: StoreWriter) -> JobRunner {
        JobRunner(caughtUp: true, now: now, config: config, writer: writer, logger: Logger(label: "peerbot"))
    }

    /// Runs the job named `key` unless it was set aside. A transient failure is rethrown (the
    /// tick rolls back and is tried again); any other undoes only this job and is counted.
    func run(_ key: String, _ body: () throws -> Int) throws -> Int {
        guard try !writer.jobs.hasRun(jobKey: Self.setAsideKey(key)) else { return 0 }
        do {
            breadcrumb?.enter(key)
            defer { breadcrumb?.leave() }
            let queued = try writer.savepoint(body)
            try writer.jobs.clearFailures(jobKey: key)
            return queued
        } catch where !StoreFailure.isTransient(error) {
            let attempts = try writer.jobs.recordFailure(jobKey: key, at: now)
            logger.error("scheduled job failed", metadata: ["job": "\(key)", "attempt": "\(attempts)", "error": "\(EventRouter.describe(error))"])
            return try setAsideIfDue(key, attempts: attempts)
        }
    }

    /// The previous process died while running the job `key`: that counts as one failure.
    func countInterrupted(_ key: String) throws -> Int {
        guard try !writer.jobs.hasRun(jobKey: Self.setAsideKey(key)) else { return 0 }
        let attempts = try writer.jobs.recordFailure(jobKey: key, at: now)
        logger.error("the bot stopped while running a scheduled job", metadata: ["job": "\(key)", "attempt": "\(attempts)"])
        return try setAsideIfDue(key, attempts: attempts)
    }

    /// Records the job as set aside in the job ledger and tells the supervisor room, once it has
    /// failed often enough. Its count starts again, so a job let out again gets every attempt.
    private func setAsideIfDue(_ key: String, attempts: Int) throws -> Int {
        guard attempts >= Self.attemptsBeforeSettingAside else { return 0 }
        try writer.jobs.markRun(jobKey: Self.setAsideKey(key), at: now)
        try writer.jobs.clearFailures(jobKey: key)
        logger.critical("scheduled job set aside after repeated failures", metadata: ["job": "\(key)", "attempts": "\(attempts)"])
        guard let room = try writer.rooms.supervisor() else { return 0 }
        try writer.enqueue(config.texts(room.language(or: config.language)).jobSetAside(key, attempts: attempts), to: room.roomID,
                           mentions: config.supervisors)
        return 1
    }

    /// The ledger entry that marks a job as set aside.
    static func setAsideKey(_ key: String) -> String { "set-aside/" + key }
}
