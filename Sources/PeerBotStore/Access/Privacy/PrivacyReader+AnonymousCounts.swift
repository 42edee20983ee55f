import Foundation
import GRDB

/// Names of the totals kept in `anonymousCount` when personal data is erased.
public enum AnonymousCountKey {
    public static let students = "students"
    public static let reflections = "reflections"
    public static let ratingsGiven = "ratings_given"
    public static let ratingsReceived = "ratings_received"
    public static let ratingComments = "rating_comments"
    public static let messages = "messages"
    public static let tasks = "tasks"
    public static let questions = "questions"
    public static let confirmations = "confirmations"
    public static let feedback = "feedback"
    public static let outboxRows = "outbox_rows"
}

extension PrivacyReader {
    /// What was erased (by `forget` or retention) and is now kept only as totals, by key
    /// (see `AnonymousCountKey`). Keys never counted are absent.
    public func anonymousCounts() throws -> [String: Int] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT key, count FROM anonymousCount"))
        return Dictionary(uniqueKeysWithValues: rows.map { ($0[0], $0[1]) })
    }
}

extension PrivacyWriter {
    /// Adds to the totals; zeros add no key.
    func addAnonymousCounts(_ counts: [String: Int]) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO anonymousCount (key, count) VALUES (?, ?)
            ON CONFLICT (key) DO UPDATE SET count = count + excluded.count
            """)
        for (key, count) in counts where count > 0 {
            try statement.execute(arguments: [key, count])
        }
    }
}
