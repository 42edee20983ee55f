import Foundation
import Testing
@testable import PeerBotStore

#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized) struct FileModeTests {
    private func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func databaseFilesArePrivateEvenWithAPermissiveUmask() throws {
        let root = TestStore.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let directory = root.appendingPathComponent("state/peerbot")
        let path = directory.appendingPathComponent("bot.sqlite").path

        let previousUmask = umask(0)
        defer { umask(previousUmask) }
        let database = try AppDatabase(path: path)
        try database.write { writer in
            try writer.sync.setToken("s1")
            try writer.outbox.enqueue(sendAction(text: "a reflection"))
        }

        #expect(try mode(directory.path) == 0o700)
        #expect(try mode(path) == 0o600)
        #expect(try mode(path + "-wal") == 0o600)
        #expect(try mode(path + "-shm") == 0o600)
    }

    @Test func anExistingOpenFileIsTightenedWhenOpened() throws {
        let root = TestStore.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let path = root.appendingPathComponent("bot.sqlite").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o644]))

        let database = try AppDatabase(path: path)
        try database.write { try $0.settings.set("k", "v") }

        #expect(try mode(path) == 0o600)
        #expect(try mode(path + "-wal") == 0o600)
    }
}
