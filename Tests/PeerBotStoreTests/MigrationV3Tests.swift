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
            try writer.setSyncToken("s90_4")
            try writer.enqueue(sendAction(), at: fixedDate(1))
            try writer.upsertStudent(userID: "@anna:hs", name: "Anna", attributes: ["style": ["visual"]], at: fixedDate(2))
            return try writer.createGroups([(name: "A", members: ["@anna:hs"])], at: fixedDate(3))[0].id
        }
        try old.close()

        let database = try AppDatabase(path: path)
        let applied = try database.writer.read { try AppDatabase.migrator.appliedIdentifiers($0) }
        #expect(applied == Set(AppDatabase.migrator.migrations))
        try database.read { reader throws in
            #expect(try reader.syncToken() == "s90_4")
            #expect(try reader.pendingOutbox(limit: 10).map(\.action) == [sendAction()])
            #expect(try reader.student(userID: "@anna:hs")?.attributes == ["style": ["visual"]])
            #expect(try reader.members(ofGroup: groupID).map(\.userID) == ["@anna:hs"])
            #expect(try reader.sessions(ofGroup: groupID).isEmpty)
        }
        // The new tables work in the upgraded file.
        let session = try database.write { writer in
            try writer.planSession(
                groupID: groupID, title: "Sepsis", startsAt: fixedDate(100), durationSeconds: 3600,
                plannedBy: "@sup:hs", at: fixedDate(4))
        }
        #expect(try database.read { try $0.session(number: session.number) }?.title == "Sepsis")
    }
}
