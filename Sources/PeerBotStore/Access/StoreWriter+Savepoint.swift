import GRDB

extension StoreWriter {
    /// Rows inserted, changed or deleted on this connection so far: what an event's handling
    /// changed is the difference across it.
    public var totalChanges: Int { db.totalChangesCount }

    /// Runs `body` in a savepoint of the current transaction: when it throws, its changes alone
    /// are undone and the error is rethrown; what ran before it in the transaction stays.
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        guard db.isInsideTransaction else { return try outsideTransaction(body) }
        // Cached statements: a batch opens one savepoint per event, and compiling the three
        // statements anew each time cost more than most events' own work.
        try step("SAVEPOINT event")
        let result: T
        do {
            result = try body()
            // A failure that ended the whole transaction (a full disk) leaves nothing to release.
            guard db.isInsideTransaction else { throw DatabaseError(resultCode: .SQLITE_ABORT, message: "Transaction was aborted") }
        } catch {
            if db.isInsideTransaction {
                try? step("ROLLBACK TRANSACTION TO SAVEPOINT event")
                try? step("RELEASE SAVEPOINT event")
            }
            throw error
        }
        try step("RELEASE SAVEPOINT event")
        return result
    }

    private func step(_ sql: String) throws {
        let statement = try db.cachedStatement(sql: sql)
        let code = SavepointStatement.run(statement.sqliteStatement)
        guard code == SavepointStatement.done else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: SavepointStatement.message(db.sqliteConnection), sql: sql)
        }
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
