import CSQLite
import GRDB

extension StoreWriter {
    /// Rows inserted, changed or deleted on this connection so far: what an event's handling
    /// changed is the difference across it.
    /// Read straight from SQLite: the router asks twice per event, and GRDB's own getter checks
    /// its dispatch queue each time (a writer exists only inside the write's closure, on it).
    public var totalChanges: Int { Int(sqlite3_total_changes(db.sqliteConnection)) }

    /// Whether the connection is inside a transaction, read the same way.
    private var inTransaction: Bool {
        guard let connection = db.sqliteConnection else { return false }
        return sqlite3_get_autocommit(connection) == 0
    }

    /// Runs `body` in a savepoint of the current transaction: when it throws, its changes alone
    /// are undone and the error is rethrown; what ran before it in the transaction stays.
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        guard inTransaction else { return try outsideTransaction(body) }
        // Prepared once: a batch opens one savepoint per event, and compiling the three
        // statements anew each time, or even finding them in GRDB's cache, cost more than most
        // events' own work.
        let statements = try savepointStatements ?? SavepointStatements(db)
        savepointStatements = statements
        try RawQuery.execute(db, statements.open)
        let result: T
        do {
            result = try body()
            // A failure that ended the whole transaction (a full disk) leaves nothing to release.
            guard inTransaction else { throw DatabaseError(resultCode: .SQLITE_ABORT, message: "Transaction was aborted") }
        } catch {
            if inTransaction {
                try? RawQuery.execute(db, statements.rollback)
                try? RawQuery.execute(db, statements.release)
            }
            throw error
        }
        try RawQuery.execute(db, statements.release)
        return result
    }

    /// Outside a transaction a savepoint is a transaction of its own.
    private func outsideTransaction<T>(_ body: () throws -> T) throws -> T {
        var result: T?
        try db.inSavepoint {
            result = try body()
            return .commit
        }
        // inSavepoint returns only after body has returned a value.
        return result!
    }
}

/// The three statements of the per-event savepoint. The writer holds them, so they stay
/// prepared (not finalised) even if GRDB empties its statement cache after a schema change;
/// SQLite prepares a statement again by itself when the schema it was made for changed.
struct SavepointStatements {
    let open: Statement
    let rollback: Statement
    let release: Statement

    init(_ db: Database) throws {
        open = try db.cachedStatement(sql: "SAVEPOINT event")
        rollback = try db.cachedStatement(sql: "ROLLBACK TRANSACTION TO SAVEPOINT event")
        release = try db.cachedStatement(sql: "RELEASE SAVEPOINT event")
    }
}

/// Which failures go away when the same work is tried again, and which come back every time.
public enum StoreFailure {
    /// True for a busy or locked database, a full disk, an I/O or memory failure and a
    /// cancellation: trying the whole batch again later loses nothing. Everything else — a
    /// constraint, a refused store operation, a validation error — fails the same way each time.
    public static func isTransient(_ error: any Error) -> Bool {
        if error is CancellationError { return true }
        guard let error = error as? DatabaseError else { return false }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_NOMEM, .SQLITE_CANTOPEN,
             .SQLITE_READONLY, .SQLITE_INTERRUPT, .SQLITE_PROTOCOL, .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return true
        default:
            return false
        }
    }
}
