import Foundation
import GRDB
import Testing
@testable import PeerBotStore

@Suite struct MigrationV8StructureTests {
    @Test func theGoalsMessageAndThePromptAreLinkedFromTheOutboxRowsAndOutliveThem() throws {
        let directory = TestStore.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bot.sqlite").path

        // A database as the previous release left it: both messages sent, the links only in the outbox.
        try StoreFiles.prepare(databasePath: path)
        let old = try DatabasePool(path: path, configuration: AppDatabase.makeConfiguration())
        try AppDatabase.migrator.migrate(old, upTo: "v7-goals-wait")
        let (sent, unsent) = try old.write { db in
            let writer = StoreWriter(db)
            try writer.insertLegacyStudent(userID: "@anna:hs", name: "Anna", attributes: [:], at: fixedDate(1))
            let groupID = try writer.groups.create([(name: "A", members: ["@anna:hs"])], at: fixedDate(2))[0].id
            let sent = try writer.sessions.plan(groupID: groupID, title: "Sepsis", startsAt: fixedDate(100), durationSeconds: 3600,
                                                plannedBy: "@sup:hs", at: fixedDate(3)).number
            let unsent = try writer.sessions.plan(groupID: groupID, title: "Shock", startsAt: fixedDate(9_000), durationSeconds: 3600,
                                                  plannedBy: "@sup:hs", at: fixedDate(3)).number
            let goals = try writer.outbox.enqueue(sendAction(text: "goals"), at: fixedDate(4)).id
            let prompt = try writer.outbox.enqueue(sendAction(text: "prompt"), at: fixedDate(3_700)).id
            let later = try writer.outbox.enqueue(sendAction(text: "goals 2"), at: fixedDate(5)).id
            try db.execute(sql: "UPDATE outbox SET state = 'sent', eventID = ?, finishedAt = ? WHERE id = ?",
                           arguments: ["$goals", fixedDate(4).stored, goals])
            try db.execute(sql: "UPDATE outbox SET state = 'sent', eventID = ?, finishedAt = ? WHERE id = ?",
                           arguments: ["$prompt", fixedDate(3_700).stored, prompt])
            try db.execute(sql: "UPDATE session SET goalsOutboxID = ?, goalsPostedVersion = 1 WHERE number = ?", arguments: [goals, sent])
            try db.execute(sql: "UPDATE session SET goalsOutboxID = ?, goalsPostedVersion = 1 WHERE number = ?", arguments: [later, unsent])
            try db.execute(sql: "INSERT INTO reflectionRound (sessionNumber, promptOutboxID, promptedAt, deadline) VALUES (?, ?, ?, ?)",
                           arguments: [sent, prompt, fixedDate(3_700).stored, fixedDate(90_000).stored])
            return (sent, unsent)
        }
        try old.close()

        let database = try AppDatabase(path: path)
        try database.write { _ = try $0.outbox.prune(finishedBefore: fixedDate(1_000_000)) }
        try database.read { reader throws in
            #expect(try reader.outbox.item(id: 1) == nil, "the sent rows are pruned")
            #expect(try reader.sessions.find(forGoalsEventID: "$goals")?.number == sent)
            #expect(try reader.reflections.round(forPromptEventID: "$prompt")?.sessionNumber == sent)
            #expect(try reader.sessions.find(number: unsent)?.goalsEventID == nil, "a row not sent yet has no event id to copy")
        }
        // The row still pending gets its event id on the session when the sender records it.
        let pending = try #require(try database.read { try $0.sessions.find(number: unsent)?.goalsOutboxID })
        try database.outbox.markSent(id: pending, eventID: "$goals2", at: fixedDate(6))
        #expect(try database.read { try $0.sessions.find(forGoalsEventID: "$goals2")?.number } == unsent)
    }
}
