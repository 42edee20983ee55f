import Foundation
import GRDB

// Contributions per student during a session: how many messages, never what they said.
extension ParticipationReader {
    /// How many messages each student wrote in the group room during the session's window;
    /// students who wrote none are absent from the result.
    public func messageCounts(session number: Int64) throws -> [String: Int] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT userID, count FROM participation WHERE sessionNumber = ?"), arguments: [number])
        return Dictionary(uniqueKeysWithValues: rows.map { ($0[0], $0[1]) })
    }
}

extension ParticipationWriter {
    /// Counts one more message by the user in the session. Senders not on the roster
    /// (supervisors, the bot) are not counted. Runs for every message, hence one cached
    /// statement.
    public func countMessage(session number: Int64, userID: String) throws {
        // The WHERE clause both skips non-students and keeps the upsert unambiguous after a SELECT.
        let statement = try db.cachedStatement(sql: """
            INSERT INTO participation (sessionNumber, userID, count)
            SELECT ?, userID, 1 FROM student WHERE userID = ?
            ON CONFLICT (sessionNumber, userID) DO UPDATE SET count = count + 1
            """)
        try statement.execute(arguments: [number, userID])
    }
}
