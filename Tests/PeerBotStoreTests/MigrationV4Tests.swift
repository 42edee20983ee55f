import Foundation
import GRDB
import Testing
@testable import PeerBotStore

@Suite struct MigrationV4Tests {
    @Test func aVersion3DatabaseIsUpgradedKeepingItsData() throws {
        let directory = TestStore.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bot.sqlite").path

        // A database as the previous release left it.
        try StoreFiles.prepare(databasePath: path)
        let old = try DatabasePool(path: path, configuration: AppDatabase.makeConfiguration())
        try AppDatabase.migrator.migrate(old, upTo: "v3")
        let (groupID, number) = try old.write { db in
            let writer = StoreWriter(db)
            try writer.setSyncToken("s120_7")
            try writer.upsertStudent(userID: "@anna:hs", name: "Anna", attributes: [:], at: fixedDate(1))
            let groupID = try writer.createGroups([(name: "A", members: ["@anna:hs"])], at: fixedDate(2))[0].id
            let session = try writer.planSession(
                groupID: groupID, title: "Sepsis", startsAt: fixedDate(100), durationSeconds: 3600,
                plannedBy: "@sup:hs", at: fixedDate(3))
            try writer.addSessionItem(session.number, kind: .goal, text: "Recognise sepsis")
            try writer.confirm(session.number, userID: "@anna:hs", version: 2, at: fixedDate(4), reactionEventID: "$ok")
            return (groupID, session.number)
        }
        try old.close()

        let database = try AppDatabase(path: path)
        let applied = try database.writer.read { try AppDatabase.migrator.appliedIdentifiers($0) }
        #expect(applied == Set(AppDatabase.migrator.migrations))
        try database.read { reader throws in
            #expect(try reader.syncToken() == "s120_7")
            #expect(try reader.session(number: number)?.title == "Sepsis")
            #expect(try reader.sessionItems(number).goals == ["Recognise sepsis"])
            #expect(try reader.confirmations(number).map(\.userID) == ["@anna:hs"])
            #expect(try reader.reflections(session: number).isEmpty)
            #expect(try reader.tasks(ofGroup: groupID).isEmpty)
        }
        // The new tables work in the upgraded file.
        try database.write { writer in
            try writer.openReflectionRound(session: number, promptOutboxID: nil, at: fixedDate(3700), deadline: fixedDate(90_000))
            try writer.addReflection(
                sessionNumber: number, userID: "@anna:hs", scope: .private, text: "Went well", eventID: "$r1",
                roomID: "!dm:hs", at: fixedDate(3800), late: false)
            try writer.addTask(
                groupID: groupID, assignee: nil, text: "Read the guideline", due: nil, sessionNumber: number,
                createdBy: "@anna:hs", at: fixedDate(3500))
            try writer.countMessage(session: number, userID: "@anna:hs")
        }
        try database.read { reader throws in
            #expect(try reader.reflectedStudents(session: number) == ["@anna:hs"])
            #expect(try reader.openReflectionRounds().map(\.sessionNumber) == [number])
            #expect(try reader.tasks(session: number).map(\.text) == ["Read the guideline"])
            #expect(try reader.participation(session: number) == ["@anna:hs": 1])
        }
    }
}
