import GRDB

extension RosterReader {
    /// The roster's user ids and names, in roster order; removed students are left out. Only
    /// the two columns, without decoding whole records: read for every batch with a command.
    public func names() throws -> [(userID: String, name: String)] {
        let statement = try db.cachedStatement(sql: "SELECT userID, name FROM student WHERE removedAt IS NULL ORDER BY position")
        return try Row.fetchAll(statement).map { (userID: $0[0], name: $0[1]) }
    }
}
