import Foundation
import PeerBotStore
import PeerLearning

/// With `retention_days`, texts older than that are deleted once a day; counts are kept.
struct RetentionPurge: ScheduledWork {
    func runDue(_ jobs: JobRunner) throws -> Int {
        let (now, config, writer) = (jobs.now, jobs.config, jobs.writer)
        guard let days = config.retentionDays else { return 0 }
        let day = SessionTimeFormat.isoDay(now, timeZone: config.timeZone)
        let key = "retention/" + day
        guard try !writer.jobs.hasRun(jobKey: key) else { return 0 }
        try writer.privacy.purgeTexts(olderThan: now.addingTimeInterval(-Double(days) * 86_400))
        try writer.jobs.markRun(jobKey: key, at: now)
        return 0
    }
}

/// Once a day: event ids and used Megolm message indexes older than a month are forgotten (a sync
/// never replays them; a replay floor keeps refusing the indexes) and sent or
/// failed outbox rows older than a month, or than `retention_days` when shorter, are deleted
/// (they may hold personal text).
struct Housekeeping: ScheduledWork {
    static let keep: TimeInterval = 30 * 86_400

    func runDue(_ jobs: JobRunner) throws -> Int {
        let (now, config, writer) = (jobs.now, jobs.config, jobs.writer)
        let key = "housekeeping/" + SessionTimeFormat.isoDay(now, timeZone: config.timeZone)
        guard try !writer.jobs.hasRun(jobKey: key) else { return 0 }
        try writer.sync.pruneProcessed(olderThan: now.addingTimeInterval(-Self.keep))
        // Megolm indexes are listed one by one for as long as event ids are; older ones are
        // covered by each session's replay floor, so a replay stays refused.
        try writer.undecrypted.pruneMessageIndexes(seenBefore: now.addingTimeInterval(-Self.keep), at: now)
        // Outbox copies of summaries and replies hold the texts retention deletes: never kept longer.
        let outboxKeep = min(Self.keep, config.retentionDays.map { Double($0) * 86_400 } ?? Self.keep)
        try writer.outbox.prune(finishedBefore: now.addingTimeInterval(-outboxKeep))
        try writer.jobs.markRun(jobKey: key, at: now)
        return 0
    }
}
