import Foundation
import GRDB

extension PrivacyWriter {
    /// Deletes the outbox rows, pending or finished, that go to the student's direct room or
    /// whose content names them or holds something of theirs, file uploads included.
    func deleteOutboxRows(matching traces: PersonalTraces) throws -> Int {
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT id, kind, roomID, contentJSON, targetUserID, reason, lastError FROM outbox"))
        var deleted = 0
        for row in rows where try Self.outboxRow(row, concerns: traces) {
            try db.execute(sql: "DELETE FROM outbox WHERE id = ?", arguments: [row["id"] as Int64])
            deleted += 1
        }
        return deleted
    }

    /// A last sweep over every table and column, for places the other steps do not know
    /// (text quoting the user id, tables added later): the id is replaced by
    /// `AppDatabase.forgottenUserID`, or the row deleted where that breaks a constraint.
    /// Runs `body` with the SQL functions `peerbot_mentions(text, userID)` and
    /// `peerbot_replace_mention(text, userID, replacement)`, which see a user id only where
    /// it is not the start of a longer one.
    func withMentionFunctions<T>(_ body: () throws -> T) throws -> T {
        let mentions = DatabaseFunction("peerbot_mentions", argumentCount: 2, pure: true) { values in
            guard let text = String.fromDatabaseValue(values[0]), let user = String.fromDatabaseValue(values[1]) else {
                return false
            }
            return PersonalTraces.mentions(text, userID: user)
        }
        let replace = DatabaseFunction("peerbot_replace_mention", argumentCount: 3, pure: true) { values in
            guard let text = String.fromDatabaseValue(values[0]), let user = String.fromDatabaseValue(values[1]),
                let replacement = String.fromDatabaseValue(values[2])
            else {
                return values[0]
            }
            return PersonalTraces.replacingMentions(of: user, in: text, with: replacement)
        }
        db.add(function: mentions)
        db.add(function: replace)
        defer {
            db.remove(function: mentions)
            db.remove(function: replace)
        }
        return try body()
    }

    /// A last sweep over every table and column, for places the other steps do not know
    /// (text quoting the user id, tables added later): the id is replaced by
    /// `AppDatabase.forgottenUserID`, or the row deleted where that breaks a constraint.
    /// Needs `withMentionFunctions`.
    func replaceRemainingMentions(of userID: String) throws {
        for (table, column) in try userColumns() {
            let arguments: StatementArguments = ["u": userID, "f": AppDatabase.forgottenUserID]
            do {
                try db.execute(
                    sql: """
                        UPDATE OR REPLACE \(table) SET \(column) = peerbot_replace_mention(\(column), :u, :f)
                        WHERE peerbot_mentions(\(column), :u)
                        """,
                    arguments: arguments)
            } catch is DatabaseError {
                try db.execute(sql: "DELETE FROM \(table) WHERE peerbot_mentions(\(column), :u)", arguments: arguments)
            }
        }
    }

    /// Every column of every table of the bot's schema, quoted for SQL.
    private func userColumns() throws -> [(String, String)] {
        let tables = try String.fetchAll(db.cachedStatement(sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"))
        return try tables.flatMap { table in
            try String.fetchAll(db.cachedStatement(sql: "SELECT name FROM pragma_table_info(?)"), arguments: [table])
                .map { (Self.quoted(table), Self.quoted($0)) }
        }
    }

    private static func outboxRow(_ row: Row, concerns traces: PersonalTraces) throws -> Bool {
        let roomID: String = row["roomID"]
        if traces.directRooms.contains(roomID) {
            return true
        }
        let fields: [String?] = [roomID, row["contentJSON"], row["targetUserID"], row["reason"], row["lastError"]]
        if fields.contains(where: { $0.map(traces.isMentioned) ?? false }) {
            return true
        }
        guard (row["kind"] as String) == "file", let content: String = row["contentJSON"] else {
            return false
        }
        return uploadedText(content).map(traces.isMentioned) ?? false
    }

    /// The file a `file` row uploads, as text: its content is base64 inside the JSON.
    private static func uploadedText(_ contentJSON: String) -> String? {
        guard
            let object = try? JSONSerialization.jsonObject(with: Data(contentJSON.utf8)) as? [String: Any],
            let base64 = object["data"] as? String,
            let data = Data(base64Encoded: base64)
        else {
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }
}
