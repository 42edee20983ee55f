import CSQLite

/// Steps a prepared statement that returns no row (SAVEPOINT, RELEASE, ROLLBACK TO) straight
/// through SQLite: a batch opens and releases one savepoint per event, and GRDB's bookkeeping
/// around each statement cost more than SQLite's own work. GRDB keeps statements and the
/// transaction; only these three skip its per-statement hooks, which nothing here observes
/// (the store registers no transaction observer).
enum SavepointStatement {
    /// SQLite's result code: `SQLITE_DONE` when the statement ran.
    static func run(_ statement: OpaquePointer) -> Int32 {
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        return code
    }

    static let done = SQLITE_DONE

    /// The connection's message for its last failure.
    static func message(_ connection: OpaquePointer?) -> String {
        guard let connection, let text = sqlite3_errmsg(connection) else { return "unknown SQLite failure" }
        return String(cString: text)
    }
}
