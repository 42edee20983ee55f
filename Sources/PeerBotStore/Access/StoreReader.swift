import GRDB

/// Read access to the store, valid only inside `AppDatabase.read` or `AppDatabase.write`.
///
/// A class so that a `StoreWriter` can be passed wherever a `StoreReader` is expected.
public class StoreReader {
    let db: Database

    init(_ db: Database) {
        self.db = db
    }
}

/// Read and write access inside the one transaction of `AppDatabase.write`.
public final class StoreWriter: StoreReader {}
