import CSQLite
import Foundation
import GRDB

/// A value bound into a statement run by `RawQuery`.
enum RawArgument {
    case text(String)
    case integer(Int64)
    case blob([UInt8])
    case null

    /// Text, or NULL for nil.
    static func text(_ value: String?) -> RawArgument { value.map(RawArgument.text) ?? .null }

    /// A date as the store writes it (`StoredDate`).
    static func date(_ value: Date) -> RawArgument { .text(StoredDate.text(value)) }
}

/// The current row of a statement run by `RawQuery`, read by column index. It is valid only
/// inside the closure it is handed to: the next step overwrites it.
struct RawRow {
    let statement: OpaquePointer

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    /// An integer column; NULL or a non-integer value is a store fault.
    func integer(_ column: Int32) throws -> Int64 {
        guard sqlite3_column_type(statement, column) == SQLITE_INTEGER else { throw mismatch(column, "an integer") }
        return sqlite3_column_int64(statement, column)
    }

    func optionalInteger(_ column: Int32) throws -> Int64? {
        isNull(column) ? nil : try integer(column)
    }

    /// A text column; NULL or a value of another type is a store fault.
    func text(_ column: Int32) throws -> String {
        guard sqlite3_column_type(statement, column) == SQLITE_TEXT else { throw mismatch(column, "text") }
        // The length is asked after the text, as SQLite's documentation advises.
        guard let bytes = sqlite3_column_text(statement, column) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    func optionalText(_ column: Int32) throws -> String? {
        isNull(column) ? nil : try text(column)
    }

    /// A blob column, or nil for NULL; a value of another type is a store fault.
    func optionalBlob(_ column: Int32) throws -> [UInt8]? {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_NULL: return nil
        case SQLITE_BLOB:
            // The length is asked after the bytes, as for text; an empty blob has no address.
            let bytes = sqlite3_column_blob(statement, column)
            let count = Int(sqlite3_column_bytes(statement, column))
            guard let bytes, count > 0 else { return [] }
            return Array(UnsafeRawBufferPointer(start: bytes, count: count))
        default: throw mismatch(column, "a blob")
        }
    }

    /// A date column the store wrote (see `StoredDate`).
    func date(_ column: Int32) throws -> Date {
        let value: DatabaseValue
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: value = sqlite3_column_int64(statement, column).databaseValue
        case SQLITE_FLOAT: value = sqlite3_column_double(statement, column).databaseValue
        case SQLITE_TEXT: value = try text(column).databaseValue
        default: throw mismatch(column, "a date")
        }
        guard let date = StoredDate.date(from: value) else { throw mismatch(column, "a date") }
        return date
    }

    func optionalDate(_ column: Int32) throws -> Date? {
        isNull(column) ? nil : try date(column)
    }

    private func mismatch(_ column: Int32, _ expected: String) -> DatabaseError {
        let name = sqlite3_column_name(statement, column).map { String(cString: $0) } ?? "\(column)"
        return DatabaseError(resultCode: .SQLITE_MISMATCH, message: "column \(name) is not \(expected)", sql: RawQuery.sql(of: statement))
    }
}

/// Runs a cached statement straight through SQLite's C interface and reads its rows by index.
///
/// The reads a command makes once each (the sender's role, the student's group, the group's
/// latest round) and the per-event savepoint cost more in GRDB's row set-up and per-statement
/// hooks — a dictionary of column names per call — than in SQLite. GRDB still prepares and
/// caches the statement and owns the transaction; the store registers no transaction observer,
/// so the skipped hooks have nothing to tell. The statement is reset and its bindings cleared
/// before this returns.
enum RawQuery {
    /// Every row, each read by `read`.
    static func all<T>(_ db: Database, _ sql: String, _ arguments: [RawArgument], read: (RawRow) throws -> T) throws -> [T] {
        var rows: [T] = []
        try run(db, db.cachedStatement(sql: sql), arguments) { row in
            rows.append(try read(row))
            return true
        }
        return rows
    }

    /// The first row, read by `read`; nil when there is none.
    static func first<T>(_ db: Database, _ sql: String, _ arguments: [RawArgument], read: (RawRow) throws -> T) throws -> T? {
        try first(db, db.cachedStatement(sql: sql), arguments, read: read)
    }

    /// Whether the statement yields any row.
    static func exists(_ db: Database, _ sql: String, _ arguments: [RawArgument]) throws -> Bool {
        try first(db, sql, arguments) { _ in true } ?? false
    }

    /// Runs a statement that returns no row (an INSERT, an UPDATE).
    static func execute(_ db: Database, _ sql: String, _ arguments: [RawArgument]) throws {
        try execute(db, db.cachedStatement(sql: sql), arguments)
    }

    /// Runs a statement the caller holds (the savepoint's; one stepped for many rows), sparing
    /// the look-up in GRDB's cache.
    static func execute(_ db: Database, _ statement: Statement, _ arguments: [RawArgument] = []) throws {
        try run(db, statement, arguments) { _ in false }
    }

    /// The first row of a statement the caller holds, read by `read`; nil when there is none.
    static func first<T>(_ db: Database, _ statement: Statement, _ arguments: [RawArgument], read: (RawRow) throws -> T) throws -> T? {
        var first: T?
        try run(db, statement, arguments) { row in
            first = try read(row)
            return false
        }
        return first
    }

    /// Steps until `row` returns false or the rows run out.
    private static func run(_ db: Database, _ statement: Statement, _ arguments: [RawArgument], row: (RawRow) throws -> Bool) throws {
        try withExtendedLifetime(statement) { try step(statement.sqliteStatement, db: db, arguments, row: row) }
    }

    private static func step(_ handle: OpaquePointer, db: Database, _ arguments: [RawArgument], row: (RawRow) throws -> Bool) throws {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        for (offset, argument) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch argument {
            case .integer(let value): code = sqlite3_bind_int64(handle, index, value)
            case .null: code = sqlite3_bind_null(handle, index)
            case .blob(let bytes):
                // Copied by SQLite too; an empty blob is bound as a zero-length blob, not NULL.
                guard bytes.count <= Int32.max else { throw failure(SQLITE_TOOBIG, db: db, statement: handle) }
                code = bytes.isEmpty ? sqlite3_bind_zeroblob(handle, index, 0)
                    : bytes.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32(bytes.count), transient) }
            case .text(var value):
                code = value.withUTF8 { bytes in
                    // Copied by SQLite (SQLITE_TRANSIENT): the buffer lives only here. An empty
                    // text may come without an address, which SQLite would bind as NULL.
                    guard let start = bytes.baseAddress, !bytes.isEmpty else { return sqlite3_bind_text(handle, index, "", 0, transient) }
                    guard bytes.count <= Int32.max else { return SQLITE_TOOBIG }
                    return UnsafeRawPointer(start).withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                        sqlite3_bind_text(handle, index, $0, Int32(bytes.count), transient)
                    }
                }
            }
            guard code == SQLITE_OK else { throw failure(code, db: db, statement: handle) }
        }
        let current = RawRow(statement: handle)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw failure(code, db: db, statement: handle) }
            guard try row(current) else { return }
        }
    }

    /// SQLite's `SQLITE_TRANSIENT`, a macro Swift does not import.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private static func failure(_ code: Int32, db: Database, statement: OpaquePointer) -> DatabaseError {
        let message = db.sqliteConnection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "unknown SQLite failure"
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql(of: statement))
    }

    /// The statement's SQL, for an error only: GRDB's `Statement.sql` builds and trims a new
    /// string on every call, too dear for the savepoint's two steps per event.
    static func sql(of statement: OpaquePointer) -> String {
        sqlite3_sql(statement).map { String(cString: $0) } ?? ""
    }
}
