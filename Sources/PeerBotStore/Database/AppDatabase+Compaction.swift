import Foundation
import GRDB

extension AppDatabase {
    /// Rewrites the database file without its free pages and empties the write-ahead log, so
    /// that erased data (after `forget` or retention) is gone from the files on disk too.
    ///
    /// `secure_delete = FAST` already overwrites deleted rows inside pages it writes anyway;
    /// this also covers whole pages freed by a deletion and older copies of pages still in
    /// the `-wal` file. Runs outside any transaction and waits for other writes to finish.
    public func compact() throws {
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "VACUUM")
            if try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal" {
                try db.checkpoint(.truncate)
            }
        }
    }
}
