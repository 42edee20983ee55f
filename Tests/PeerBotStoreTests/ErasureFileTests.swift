import Foundation
import GRDB
import Testing
@testable import PeerBotStore

@Suite struct ErasureFileTests {
    static let secret = "Patienten-fik-for-meget-heparin-7731"

    private func fileBytes(_ path: String) throws -> Data {
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        if FileManager.default.fileExists(atPath: path + "-wal") {
            bytes += try Data(contentsOf: URL(fileURLWithPath: path + "-wal"))
        }
        return bytes
    }

    private func seed(_ database: AppDatabase, at date: Date) throws {
        try database.write { writer in
            try writer.roster.upsert(userID: "@anna:hs", name: "Anna", attributes: [:], at: date)
            let group = try writer.groups.create([("A", ["@anna:hs"])], at: date)[0]
            let session = try writer.sessions.plan(groupID: group.id, title: "T", startsAt: date, durationSeconds: 60,
                                                   plannedBy: "@sup:hs", at: date)
            // Long enough to fill overflow pages, which a deletion frees whole.
            try writer.reflections.add(sessionNumber: session.number, userID: "@anna:hs", scope: .private,
                                       text: String(repeating: Self.secret + " ", count: 400), eventID: "$r", roomID: "!dm:hs",
                                       at: date, late: false)
        }
    }

    @Test(arguments: ["retention", "redaction"])
    func deletedTextIsGoneFromTheFilesWithoutACompaction(_ how: String) throws {
        let directory = TestStore.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bot.sqlite").path
        let database = try AppDatabase(path: path)
        let old = Date(timeIntervalSince1970: 1_000_000)
        try seed(database, at: old)
        #expect(try fileBytes(path).range(of: Data(Self.secret.utf8)) != nil)
        let removed = try database.write { writer in
            how == "retention" ? try writer.privacy.purgeTexts(olderThan: old.addingTimeInterval(1)) == 1
                               : try writer.reflections.remove(eventID: "$r")
        }
        #expect(removed)
        #expect(try database.finishErasure())
        #expect(try fileBytes(path).range(of: Data(Self.secret.utf8)) == nil)
        #expect(try database.finishErasure() == false)
        #expect(try database.read { try $0.roster.all().count } == 1)
    }

    @Test func secureDeleteIsOnForEveryConnection() throws {
        let store = try TestStore(.filePool)
        #expect(try store.database.writer.read { try Int.fetchOne($0, sql: "PRAGMA secure_delete") } == 1)
        #expect(try store.database.writer.write { try Int.fetchOne($0, sql: "PRAGMA secure_delete") } == 1)
    }
}
