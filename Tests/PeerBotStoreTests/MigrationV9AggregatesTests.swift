import Foundation
import GRDB
import Testing
@testable import PeerBotStore

@Suite struct MigrationV9AggregatesTests {
    @Test func sentFeedbackIsLinkedFromTheOutboxRowsAndOutlivesThem() throws {
        let directory = TestStore.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bot.sqlite").path

        // A database as the previous release left it: feedback sent, its link only in the outbox.
        try StoreFiles.prepare(databasePath: path)
        let old = try DatabasePool(path: path, configuration: AppDatabase.makeConfiguration())
        try AppDatabase.migrator.migrate(old, upTo: "v8-keyreq")
        let pending = try old.write { db in
            let writer = StoreWriter(db)
            let sent = try writer.outbox.enqueue(FeedbackEventTests.message("!dm:hs", kind: "feedback"), at: fixedDate(4)).id
            let reminder = try writer.outbox.enqueue(FeedbackEventTests.message("!dm:hs", kind: "reminder"), at: fixedDate(5)).id
            let pending = try writer.outbox.enqueue(FeedbackEventTests.message("!dm:hs", kind: "feedback"), at: fixedDate(6)).id
            for (id, eventID) in [(sent, "$fb"), (reminder, "$reminder")] {
                try db.execute(sql: "UPDATE outbox SET state = 'sent', eventID = ?, finishedAt = ? WHERE id = ?",
                               arguments: [eventID, fixedDate(7).stored, id])
            }
            return pending
        }
        try old.close()

        let database = try AppDatabase(path: path)
        try database.write { _ = try $0.outbox.prune(finishedBefore: fixedDate(1_000_000)) }
        try database.read { reader throws in
            #expect(try reader.outbox.item(id: 1) == nil, "the sent rows are pruned")
            #expect(try reader.assessment.isFeedbackEvent("$fb"))
            #expect(try !reader.assessment.isFeedbackEvent("$reminder"), "only feedback is linked")
        }
        // The row still pending is linked when the sender records it, and that link outlives it too.
        try database.outbox.markSent(id: pending, eventID: "$fb2", at: fixedDate(8))
        try database.write { _ = try $0.outbox.prune(finishedBefore: fixedDate(1_000_000)) }
        #expect(try database.read { try $0.assessment.isFeedbackEvent("$fb2") })
    }
}
