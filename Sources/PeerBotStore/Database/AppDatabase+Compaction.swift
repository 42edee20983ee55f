import Foundation
import GRDB

extension AppDatabase {
    /// Rewrites the database file without its free pages and empties the write-ahead log, so
    /// that erased data (after `forget` or retention) is gone from the files on disk too.
    ///
    /// `secure_delete = ON` already zeroes deleted rows and freed pages; this also shrinks
    /// the file and drops older copies of pages still in the `-wal` file. Runs outside any transaction and waits for other writes to finish.
    public func compact() throws {
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "VACUUM")
            if try String.fetchOne(db.cachedStatement(sql: "PRAGMA journal_mode")) == "wal" {
                try db.checkpoint(.truncate)
            }
        }
    }

    static let erasureKey = "store.erasure_pending"

    /// After a deletion of personal text (retention, a redacted reflection, a removal): the
    /// write-ahead log still holds older copies of the pages, so it is checkpointed into the
    /// zeroed main file and truncated. Cheap when nothing was erased; returns whether it ran.
    @discardableResult
    public func finishErasure() throws -> Bool {
        guard try read({ try $0.settings.value(Self.erasureKey) }) != nil else { return false }
        try write { try $0.settings.set(Self.erasureKey, nil) }
        try writer.writeWithoutTransaction { db in
            if try String.fetchOne(db.cachedStatement(sql: "PRAGMA journal_mode")) == "wal" {
                try db.checkpoint(.truncate)
            }
        }
        return true
    }
}

extension PrivacyWriter {
    /// Marks that personal text was deleted in this transaction; `AppDatabase.finishErasure` completes it.
    public func noteErasure() throws {
        try store.settings.set(AppDatabase.erasureKey, "1")
    }
}
