import Foundation
import GRDB
import Testing
@testable import PeerBotStore

@Suite struct MigrationV2Tests {
    @Test func aVersion1DatabaseIsUpgradedKeepingItsData() throws {
        let directory = TestStore.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bot.sqlite").path

        // A database as the previous release left it.
        try StoreFiles.prepare(databasePath: path)
        let old = try DatabasePool(path: path, configuration: AppDatabase.makeConfiguration())
        try AppDatabase.migrator.migrate(old, upTo: "v1")
        try old.write { db in
            let writer = StoreWriter(db)
            try writer.sync.setToken("s72_1")
            try writer.rooms.upsert(RoomRecord(roomID: "!sup:hs", kind: .supervisor, language: "da"))
            try writer.outbox.enqueue(sendAction(), at: fixedDate(1))
            try writer.settings.set("cohort", "Ward 7")
        }
        try old.close()

        let database = try AppDatabase(path: path)
        let applied = try database.writer.read { try AppDatabase.migrator.appliedIdentifiers($0) }
        #expect(applied == Set(AppDatabase.migrator.migrations))
        try database.read { reader throws in
            #expect(try reader.sync.token() == "s72_1")
            #expect(try reader.rooms.supervisor() == RoomRecord(roomID: "!sup:hs", kind: .supervisor, language: "da"))
            #expect(try reader.outbox.pending(limit: 10).map(\.action) == [sendAction()])
            #expect(try reader.settings.value("cohort") == "Ward 7")
            #expect(try reader.roster.all().isEmpty)
            #expect(try reader.groups.active().isEmpty)
        }
        // The new tables work in the upgraded file.
        _ = try database.write { try $0.roster.upsert(userID: "@anna:hs", name: "Anna", attributes: [:], at: fixedDate(2)) }
        #expect(try database.read { try $0.roster.isStudent("@anna:hs") })
    }
}
