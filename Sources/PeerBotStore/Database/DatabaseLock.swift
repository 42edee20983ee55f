import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One process at a time on a database: an exclusive `flock` on `<database>.lock`, held for as
/// long as this value lives. The kernel drops it when the process ends, even on SIGKILL, so a
/// crash never leaves a stale lock behind.
public final class DatabaseLock: Sendable {
    public let path: String
    private let descriptor: Int32

    /// Takes the lock or throws `DatabaseLockError.held` at once; it never waits.
    public init(databasePath: String) throws {
        try StoreFiles.prepareDirectory(of: databasePath)
        path = databasePath + ".lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, StoreFiles.fileMode)
        guard descriptor >= 0 else { throw DatabaseLockError.cannotOpen(path: path, errno: errno) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(descriptor)
            throw code == EWOULDBLOCK ? DatabaseLockError.held(path: path) : DatabaseLockError.cannotOpen(path: path, errno: code)
        }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }
}

/// Why the database lock could not be taken.
public enum DatabaseLockError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another process (a running daemon, an export or forget) holds it.
    case held(path: String)
    case cannotOpen(path: String, errno: Int32)

    public var description: String {
        switch self {
        case .held(let path):
            "another peerbot process is using this database (it holds \(path)); stop it first, e.g. systemctl stop peerbot"
        case .cannotOpen(let path, let code):
            "cannot open the lock file \(path): \(String(cString: strerror(code)))"
        }
    }
}
