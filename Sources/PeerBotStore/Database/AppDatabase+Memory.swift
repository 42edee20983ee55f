import GRDB

extension AppDatabase {
    /// Gives back what the connections hold beyond the data: SQLite's page caches, the parsed
    /// schema and the prepared statements, and (in a file database) the idle reader
    /// connections. The next access prepares and opens what it needs again, a few
    /// milliseconds once after an idle spell.
    public func releaseMemory() {
        if let pool = writer as? DatabasePool {
            pool.releaseMemory()
        } else if let queue = writer as? DatabaseQueue {
            queue.releaseMemory()
        }
    }
}
