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
            try writer.setSyncToken("s72_1")
            try writer.upsertRoom(RoomRecord(roomID: "!sup:hs", kind: .supervisor, language: "da"))
            try writer.enqueue(sendAction(), at: fixedDate(1))
            try writer.setSetting("cohort", "Ward 7")
        }
        try old.close()

        let database = try AppDatabase(path: path)
        let applied = try database.writer.read { try AppDatabase.migrator.appliedIdentifiers($0) }
        #expect(applied == Set(AppDatabase.migrator.migrations))
        try database.read { reader throws in
            #expect(try reader.syncToken() == "s72_1")
            #expect(try reader.supervisorRoom() == RoomRecord(roomID: "!sup:hs", kind: .supervisor, language: "da"))
            #expect(try reader.pendingOutbox(limit: 10).map(\.action) == [sendAction()])
            #expect(try reader.setting("cohort") == "Ward 7")
            #expect(try reader.students().isEmpty)
            #expect(try reader.activeGroups().isEmpty)
        }
        // The new tables work in the upgraded file.
        _ = try database.write { try $0.upsertStudent(userID: "@anna:hs", name: "Anna", attributes: [:], at: fixedDate(2)) }
        #expect(try database.read { try $0.isStudent("@anna:hs") })
    }
}
