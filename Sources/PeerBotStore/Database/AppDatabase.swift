import Foundation
import GRDB

/// The bot's database.
///
/// It owns the connection, brings the schema up to date when opened, and offers
/// reads and writes in terms of what the bot means to do. Every write runs in
/// exactly one transaction: effects, outbox rows and the sync token commit together.
public final class AppDatabase: Sendable {
    /// The GRDB connection; tests reach it to inspect the schema.
    let writer: any DatabaseWriter

    init(writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.migrator.migrate(writer)
    }

    /// Opens (or creates) the database file at `path` in WAL mode.
    ///
    /// A missing parent directory is created with mode 0700; the database file and
    /// its `-wal`/`-shm` companions get mode 0600 before any data is written.
    public convenience init(path: String) throws {
        try StoreFiles.prepare(databasePath: path)
        let pool = try DatabasePool(path: path, configuration: Self.makeConfiguration())
        try self.init(writer: pool)
        try StoreFiles.restrictCompanions(of: path)
    }

    /// An empty database in memory, for tests.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(writer: DatabaseQueue(configuration: makeConfiguration()))
    }

    /// As `inMemory()`, handing the SQL of every statement run to `statement` (with its
    /// arguments as placeholders): for tests of how much an event reads.
    public static func inMemory(tracing statement: @escaping @Sendable (String) -> Void) throws -> AppDatabase {
        var config = makeConfiguration()
        config.prepareDatabase { db in db.trace(options: .statement) { statement($0.description) } }
        return try AppDatabase(writer: DatabaseQueue(configuration: config))
    }

    /// Runs `body` on a consistent snapshot of the database.
    public func read<T: Sendable>(_ body: @Sendable (StoreReader) throws -> T) throws -> T {
        try writer.read { db in try body(StoreReader(db)) }
    }

    /// Runs `body` in one transaction; if it throws, none of its changes are kept.
    @discardableResult
    public func write<T: Sendable>(_ body: @Sendable (StoreWriter) throws -> T) throws -> T {
        try writer.write { db in try body(StoreWriter(db)) }
    }

    static func makeConfiguration() -> Configuration {
        var config = Configuration()
        config.label = "peerbot"
        config.foreignKeysEnabled = true
        // Another process (the CLI's export or forget) may hold the lock briefly.
        config.busyMode = .timeout(5)
        // Each reader keeps its own page cache. The bot's reads are short and rarely overlap
        // (the sync position, the outbox's next rows), so two readers never make a read wait
        // noticeably, and three caches fewer stay resident (GRDB's default is five).
        config.maximumReaderCount = 2
        config.prepareDatabase { db in
            // FULL, not NORMAL: in WAL mode NORMAL may lose the last commits on power
            // loss, and a lost commit of the sync token + outbox could re-post messages
            // the sender already delivered. One fsync per sync batch is affordable.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Deleted personal data (forget, retention, redaction) is zeroed in the file, whole
            // freed pages included: FAST would leave freed pages as they were.
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        return config
    }
}
