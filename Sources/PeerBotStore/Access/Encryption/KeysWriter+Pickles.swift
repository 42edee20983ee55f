import GRDB

/// The columns that hold a secret sealed under the pickle key.
public enum PickleTable: String, CaseIterable, Sendable {
    case olmAccount, olmSession, megolmInboundSession, megolmOutboundSession, crossSigningKeys
    /// An encrypted roster file's key, until the file is imported.
    case rosterUploadSecret

    var table: String { self == .rosterUploadSecret ? "rosterUpload" : rawValue }
    var column: String { self == .rosterUploadSecret ? "fileSecret" : "pickle" }
}

extension KeysWriter {
    /// Replaces every sealed value of `table` with `reseal(old)`; returns how many were replaced.
    /// Run inside one transaction with the other tables, so a failure keeps every old value.
    @discardableResult
    public func resealPickles(in table: PickleTable, _ reseal: (String) throws -> String) throws -> Int {
        let (name, column) = (table.table, table.column)
        let values = try String.fetchAll(db, sql: "SELECT \(column) FROM \(name) WHERE \(column) IS NOT NULL AND \(column) <> ''")
        for value in values {
            try db.execute(sql: "UPDATE \(name) SET \(column) = ? WHERE \(column) = ?", arguments: [try reseal(value), value])
        }
        return values.count
    }
}
