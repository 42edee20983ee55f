import Foundation
import GRDB

extension PrivacyReader {
    /// Every table and column whose value contains `text`, the schema's own tables included;
    /// the check that forgetting left nothing behind.
    func placesMentioning(_ text: String) throws -> [(table: String, column: String)] {
        let tables = try String.fetchAll(db.cachedStatement(sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"))
        var places: [(table: String, column: String)] = []
        for table in tables {
            let columns = try String.fetchAll(db.cachedStatement(sql: "SELECT name FROM pragma_table_info(?)"), arguments: [table])
            for column in columns {
                let sql = "SELECT 1 FROM \(Self.quoted(table)) WHERE instr(\(Self.quoted(column)), ?) > 0 LIMIT 1"
                if try Bool.fetchOne(db, sql: sql, arguments: [text]) != nil {
                    places.append((table, column))
                }
            }
        }
        return places
    }

    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
