import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps the database files private to the bot's user.
enum StoreFiles {
    static let directoryMode: mode_t = 0o700
    static let fileMode: mode_t = 0o600

    /// Creates the parent directory (0700) and the database file (0600) before SQLite
    /// opens it. SQLite gives the `-wal` and `-shm` files the main file's mode, so they
    /// are private from their first byte, whatever the process umask.
    static func prepare(databasePath path: String) throws {
        try prepareDirectory(of: path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, fileMode)
        guard descriptor >= 0 else {
            throw StoreError.fileAccess(path: path, errno: errno)
        }
        close(descriptor)
        // An existing file from an older install may be more open than it should be.
        try setMode(fileMode, path: path)
    }

    /// Creates the database's parent directory (0700) if it is missing.
    static func prepareDirectory(of path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            try FileManager.default.createDirectory(
                atPath: directory,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: Int(directoryMode)])
            // createDirectory's mode is filtered by the umask; set it exactly.
            try setMode(directoryMode, path: directory)
        }
    }

    /// Tightens the companions of an opened database, should they predate `prepare`.
    static func restrictCompanions(of path: String) throws {
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try setMode(fileMode, path: path + suffix)
        }
    }

    private static func setMode(_ mode: mode_t, path: String) throws {
        guard chmod(path, mode) == 0 else {
            throw StoreError.fileAccess(path: path, errno: errno)
        }
    }
}
