import Foundation
import GRDB
import Testing
@testable import PeerBotStore

@Suite struct ForgetFileTests {
    private let traces = [ForgetFixture.userID, ForgetFixture.name, ForgetFixture.reflection]

    /// The bytes of the database file and its write-ahead log, if there is one.
    private func fileBytes(_ path: String) throws -> Data {
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        if FileManager.default.fileExists(atPath: path + "-wal") {
            bytes += try Data(contentsOf: URL(fileURLWithPath: path + "-wal"))
        }
        return bytes
    }

    private func tracesFound(in bytes: Data) -> [String] {
        traces.filter { bytes.range(of: Data($0.utf8)) != nil }
    }

    @Test func aForgottenStudentIsGoneFromTheFilesOnDisk() throws {
        let directory = TestStore.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bot.sqlite").path

        do {
            let database = try AppDatabase(path: path)
            try ForgetFixture.seed(database)
            // Written to disk as ordinary data first, or the test would prove nothing.
            #expect(tracesFound(in: try fileBytes(path)) == traces)
            try database.write { try $0.privacy.forget(userID: ForgetFixture.userID, at: fixedDate(10_000)) }
            try database.compact()
            // Gone while the bot still runs, not only once the last connection closes.
            #expect(tracesFound(in: try fileBytes(path)) == [])
            #expect(try database.read { try $0.roster.all().map(\.userID) } == ["@anna:hs", "@bo:hs"])
        }

        #expect(tracesFound(in: try fileBytes(path)) == [])
        // The database still opens, with the classmates' data.
        let reopened = try AppDatabase(path: path)
        #expect(try reopened.read { try $0.roster.all().count } == 2)
        #expect(try reopened.read { try $0.privacy.anonymousCounts() } == ForgetFixture.expectedCounts)
    }
}
