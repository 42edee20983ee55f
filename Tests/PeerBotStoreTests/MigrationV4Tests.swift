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
            try writer.sync.setToken("s120_7")
            try writer.insertLegacyStudent(userID: "@anna:hs", name: "Anna", attributes: [:], at: fixedDate(1))
            let groupID = try writer.groups.create([(name: "A", members: ["@anna:hs"])], at: fixedDate(2))[0].id
            let session = try writer.sessions.plan(
                groupID: groupID, title: "Sepsis", startsAt: fixedDate(100), durationSeconds: 3600,
                plannedBy: "@sup:hs", at: fixedDate(3))
            try writer.sessions.addItem(session.number, kind: .goal, text: "Recognise sepsis")
            try writer.participation.confirm(session.number, userID: "@anna:hs", version: 2, at: fixedDate(4), reactionEventID: "$ok")
            return (groupID, session.number)
        }
        try old.close()

        let database = try AppDatabase(path: path)
        let applied = try database.writer.read { try AppDatabase.migrator.appliedIdentifiers($0) }
        #expect(applied == Set(AppDatabase.migrator.migrations))
        try database.read { reader throws in
            #expect(try reader.sync.token() == "s120_7")
            #expect(try reader.sessions.find(number: number)?.title == "Sepsis")
            #expect(try reader.sessions.items(number).goals == ["Recognise sepsis"])
            #expect(try reader.participation.confirmations(number).map(\.userID) == ["@anna:hs"])
            #expect(try reader.reflections.all(session: number).isEmpty)
            #expect(try reader.tasks.all(ofGroup: groupID).isEmpty)
        }
        // The new tables work in the upgraded file.
        try database.write { writer in
            try writer.reflections.openRound(session: number, promptOutboxID: nil, at: fixedDate(3700), deadline: fixedDate(90_000))
            try writer.reflections.add(
                sessionNumber: number, userID: "@anna:hs", scope: .private, text: "Went well", eventID: "$r1",
                roomID: "!dm:hs", at: fixedDate(3800), late: false)
            try writer.tasks.add(
                groupID: groupID, assignee: nil, text: "Read the guideline", due: nil, sessionNumber: number,
                createdBy: "@anna:hs", at: fixedDate(3500))
            try writer.participation.countMessage(session: number, userID: "@anna:hs")
        }
        try database.read { reader throws in
            #expect(try reader.reflections.reflectedStudents(session: number) == ["@anna:hs"])
            #expect(try reader.reflections.openRounds().map(\.sessionNumber) == [number])
            #expect(try reader.tasks.all(session: number).map(\.text) == ["Read the guideline"])
            #expect(try reader.participation.messageCounts(session: number) == ["@anna:hs": 1])
        }
    }
}
