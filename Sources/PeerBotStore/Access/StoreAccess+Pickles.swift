import GRDB

/// The tables whose `pickle` column holds a secret sealed under the pickle key.
public enum PickleTable: String, CaseIterable, Sendable {
    case olmAccount, olmSession, megolmInboundSession, megolmOutboundSession
}

extension StoreWriter {
    /// Replaces every pickle of `table` with `reseal(old)`; returns how many were replaced.
    /// Run inside one transaction with the other tables, so a failure keeps every old pickle.
    @discardableResult
    public func resealPickles(in table: PickleTable, _ reseal: (String) throws -> String) throws -> Int {
        let pickles = try String.fetchAll(db, sql: "SELECT pickle FROM \(table.rawValue)")
        for pickle in pickles {
            try db.execute(sql: "UPDATE \(table.rawValue) SET pickle = ? WHERE pickle = ?", arguments: [try reseal(pickle), pickle])
        }
        return pickles.count
    }
}
