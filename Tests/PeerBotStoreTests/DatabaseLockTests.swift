import Foundation
import Testing
@testable import PeerBotStore

@Suite struct DatabaseLockTests {
    @Test func aSecondHolderIsRefusedUntilTheFirstLetsGo() throws {
        let directory = TestStore.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("state/bot.sqlite").path
        var first: DatabaseLock? = try DatabaseLock(databasePath: path)
        #expect(throws: DatabaseLockError.held(path: path + ".lock")) { try DatabaseLock(databasePath: path) }
        #expect(first?.path == path + ".lock")
        first = nil
        let second = try DatabaseLock(databasePath: path)
        #expect(second.path == path + ".lock")
    }

    @Test func theRefusalSaysWhatToDo() {
        let text = DatabaseLockError.held(path: "/var/lib/peerbot/bot.sqlite.lock").description
        #expect(text.contains("another peerbot process"))
        #expect(text.contains("systemctl stop peerbot"))
    }
}
