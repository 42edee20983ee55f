import Foundation
import PeerBotStore

/// With `retention_days`, texts older than that are deleted once a day; counts are kept.
struct RetentionPurge: ScheduledWork {
    func runDue(now: Date, config: BotConfig, writer: StoreWriter) throws -> Int {
        guard let days = config.retentionDays else { return 0 }
        let day = ISO8601DateFormatter.string(from: now, timeZone: config.timeZone, formatOptions: [.withFullDate])
        let key = "retention/" + day
        guard try !writer.hasRun(jobKey: key) else { return 0 }
        try writer.purgeTexts(olderThan: now.addingTimeInterval(-Double(days) * 86_400))
        try writer.markRun(jobKey: key, at: now)
        return 0
    }
}
