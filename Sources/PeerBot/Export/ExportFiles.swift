import Foundation
import PeerBotStore
import PeerLearning

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes export files readable by their owner only: 0600 files in a 0700 folder.
public enum ExportFiles {
    /// A folder or file that could not be made private.
    public struct Failure: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Writes each file into `folder`, creating it 0700. An existing folder that others may
    /// read is refused rather than changed: it may be shared on purpose, but not for this data.
    public static func write(_ files: [(name: String, data: Data)], to folder: String) throws {
        try prepareFolder(folder)
        for file in files {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(file.name).path
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
            guard descriptor >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
            defer { close(descriptor) }
            // A file left by an earlier export may be more open than 0600.
            guard fchmod(descriptor, 0o600) == 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
            try FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).write(contentsOf: file.data)
        }
    }

    private static func prepareFolder(_ folder: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw Failure(path: folder, reason: "not a folder") }
            let mode = (try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int) ?? 0
            guard mode & 0o077 == 0 else {
                throw Failure(path: folder, reason: "others may read this folder (mode \(String(mode, radix: 8))); choose a new folder or chmod 700 it")
            }
            return
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // createDirectory's mode is filtered by the umask; set it exactly.
        guard chmod(folder, 0o700) == 0 else { throw Failure(path: folder, reason: String(cString: strerror(errno))) }
    }
}

extension StudyGroupRecord {
    /// The group's name in exports: an earlier formation's group is told apart from the current
    /// group of the same name by the day it was archived (`A (until 2026-11-02)`).
    var exportLabel: String {
        guard let archivedAt else { return name }
        return "\(name) (until \(SessionTimeFormat.isoDay(archivedAt, timeZone: .utc)))"
    }
}
