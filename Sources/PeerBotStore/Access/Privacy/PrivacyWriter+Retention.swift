import Foundation
import GRDB

extension PrivacyWriter {
    /// Retention (`retention_days`): deletes reflections, questions and feedback written
    /// before `before` and clears rating comments given before it (the marks stay, for the
    /// scores). What went is added to the anonymous counts. Returns how many rows went or
    /// lost their comment. Outbox rows are pruned separately (`OutboxWriter.prune(finishedBefore:)`).
    @discardableResult
    public func purgeTexts(olderThan before: Date) throws -> Int {
        let steps: [(key: String, sql: String)] = [
            (AnonymousCountKey.reflections, "DELETE FROM reflection WHERE createdAt < ?"),
            (AnonymousCountKey.questions, "DELETE FROM goalsQuestion WHERE at < ?"),
            (AnonymousCountKey.feedback, "DELETE FROM feedback WHERE at < ?"),
            (
                AnonymousCountKey.ratingComments,
                "UPDATE rating SET comment = NULL, commentReleased = 0 WHERE comment IS NOT NULL AND at < ?"
            ),
        ]
        var counts: [String: Int] = [:]
        for step in steps {
            try db.execute(sql: step.sql, arguments: [before.stored])
            counts[step.key] = db.changesCount
        }
        try addAnonymousCounts(counts)
        let total = counts.values.reduce(0, +)
        if total > 0 { try noteErasure() }
        return total
    }
}
