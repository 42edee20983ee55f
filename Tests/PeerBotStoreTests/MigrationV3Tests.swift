import Foundation
import GRDB
import Testing
@testable import PeerBotStore

@Suite struct MigrationV3Tests {
    @Test func aVersion2DatabaseIsUpgradedKeepingItsData() throws {
        let directory = TestStore.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bot.sqlite").path

        // A database as the previous release left it.
        try StoreFiles.prepare(databasePath: path)
        let old = try DatabasePool(path: path, configuration: AppDatabase.makeConfiguration())
        try AppDatabase.migrator.migrate(old, upTo: "v2")
        let groupID = try old.write { db in
            let writer = StoreWriter(db)
            try writer.sync.setToken("s90_4")
            try writer.outbox.enqueue(sendAction(), at: fixedDate(1))
            try writer.insertLegacyStudent(userID: "@anna:hs", name: "Anna", attributes: ["style": ["visual"]], at: fixedDate(2))
            return try writer.groups.create([(name: "A", members: ["@anna:hs"])], at: fixedDate(3))[0].id
        }
        try old.close()

        let database = try AppDatabase(path: path)
        let applied = try database.writer.read { try AppDatabase.migrator.appliedIdentifiers($0) }
        #expect(applied == Set(AppDatabase.migrator.migrations))
        try database.read { reader throws in
            #expect(try reader.sync.token() == "s90_4")
            #expect(try reader.outbox.pending(limit: 10).map(\.action) == [sendAction()])
            #expect(try reader.roster.find(userID: "@anna:hs")?.attributes == ["style": ["visual"]])
            #expect(try reader.groups.members(ofGroup: groupID).map(\.userID) == ["@anna:hs"])
            #expect(try reader.sessions.all(ofGroup: groupID).isEmpty)
        }
        // The new tables work in the upgraded file.
        let session = try database.write { writer in
            try writer.sessions.plan(
                groupID: groupID, title: "Sepsis", startsAt: fixedDate(100), durationSeconds: 3600,
                plannedBy: "@sup:hs", at: fixedDate(4))
        }
        #expect(try database.read { try $0.sessions.find(number: session.number) }?.title == "Sepsis")
    }
}
