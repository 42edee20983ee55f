import Foundation
import GRDB
import Testing
@testable import PeerBotStore

@Suite struct MigrationV5Tests {
    @Test func aVersion4DatabaseIsUpgradedKeepingItsData() throws {
        let directory = TestStore.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bot.sqlite").path

        // A database as the previous release left it.
        try StoreFiles.prepare(databasePath: path)
        let old = try DatabasePool(path: path, configuration: AppDatabase.makeConfiguration())
        try AppDatabase.migrator.migrate(old, upTo: "v4")
        let (groupID, number) = try old.write { db in
            let writer = StoreWriter(db)
            try writer.sync.setToken("s200_9")
            for name in ["anna", "bo"] {
                try writer.insertLegacyStudent(userID: "@\(name):hs", name: name.capitalized, attributes: [:], at: fixedDate(1))
            }
            let groupID = try writer.groups.create([(name: "A", members: ["@anna:hs", "@bo:hs"])], at: fixedDate(2))[0].id
            let number = try writer.sessions.plan(
                groupID: groupID, title: "Sepsis", startsAt: fixedDate(100), durationSeconds: 3600,
                plannedBy: "@sup:hs", at: fixedDate(3)).number
            // Written as the v4 schema knew it: no guard mark yet.
            try db.execute(sql: """
                INSERT INTO reflection (sessionNumber, userID, scope, text, eventID, roomID, createdAt, late)
                VALUES (?, '@anna:hs', 'group', 'Went well', '$r1', '!g:hs', ?, 0)
                """, arguments: [number, fixedDate(3800).stored])
            try writer.tasks.add(
                groupID: groupID, assignee: "@bo:hs", text: "Read the guideline", due: nil, sessionNumber: number,
                createdBy: "@anna:hs", at: fixedDate(3500))
            return (groupID, number)
        }
        try old.close()

        let database = try AppDatabase(path: path)
        let applied = try database.writer.read { try AppDatabase.migrator.appliedIdentifiers($0) }
        #expect(applied == Set(AppDatabase.migrator.migrations))
        try database.read { reader throws in
            #expect(try reader.sync.token() == "s200_9")
            #expect(try reader.reflections.all(session: number).map(\.text) == ["Went well"])
            #expect(try reader.reflections.all(session: number).map(\.masked) == [false], "kept before the guard: not marked")
            #expect(try reader.tasks.all(ofGroup: groupID).map(\.text) == ["Read the guideline"])
            #expect(try reader.assessment.rounds(ofGroup: groupID).isEmpty)
            #expect(try reader.privacy.anonymousCounts().isEmpty)
        }
        // The new tables work in the upgraded file.
        let round = try startRound(database, group: groupID, members: ["@anna:hs", "@bo:hs"])
        try database.write { writer in
            try writer.assessment.saveRating(
                round: round.id, rater: "@anna:hs", subject: "@bo:hs", marks: [5, 4, 4, 3, 5], comment: "Thorough",
                at: fixedDate(10_100))
            try writer.assessment.addFeedback(userID: "@bo:hs", groupID: nil, text: "Good questions", from: "@sup:hs", at: fixedDate(10_200))
        }
        try database.read { reader throws in
            #expect(try reader.assessment.ratings(round: round.id).map(\.marks) == [[5, 4, 4, 3, 5]])
            #expect(try reader.assessment.feedback(forStudent: "@bo:hs").map(\.text) == ["Good questions"])
        }
    }
}
