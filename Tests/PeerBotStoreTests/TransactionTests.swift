import Foundation
import Testing
@testable import PeerBotStore

@Suite struct TransactionTests {
    @Test(arguments: StoreFlavor.allCases)
    func aWriteThatThrowsKeepsNoneOfItsEffects(flavor: StoreFlavor) throws {
        let store = try TestStore(flavor)
        let database = store.database
        try database.write { writer in
            try writer.setSyncToken("batch-1")
            try writer.markProcessed(eventID: "$before", roomID: "!r:hs", at: fixedDate(0))
        }

        #expect(throws: DeliberateFailure.self) {
            try database.write { writer in
                try writer.setSyncToken("batch-2")
                try writer.markProcessed(eventID: "$during", roomID: "!r:hs", at: fixedDate(1))
                try writer.enqueue(sendAction())
                try writer.upsertRoom(RoomRecord(roomID: "!g:hs", kind: .group, groupName: "A"))
                try writer.setSetting("cohort", "2025-spring")
                try writer.markRun(jobKey: "goals:1", at: fixedDate(1))
                throw DeliberateFailure()
            }
        }

        try database.read { reader throws in
            #expect(try reader.syncToken() == "batch-1")
            #expect(try reader.isProcessed(eventID: "$before"))
            #expect(try !reader.isProcessed(eventID: "$during"))
            #expect(try reader.outboxCounts() == (0, 0, 0))
            #expect(try reader.room(id: "!g:hs") == nil)
            #expect(try reader.setting("cohort") == nil)
            #expect(try !reader.hasRun(jobKey: "goals:1"))
        }
    }

    @Test func reopeningTheFileKeepsEverything() throws {
        let directory = TestStore.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bot.sqlite").path
        let room = RoomRecord(roomID: "!d:hs", kind: .direct, language: "en", userID: "@anna:hs", joinedAt: fixedDate(5))

        let enqueued = try {
            let database = try AppDatabase(path: path)
            return try database.write { writer in
                try writer.setSyncToken("s42")
                try writer.markProcessed(eventID: "$e1", roomID: "!d:hs", at: fixedDate(3))
                try writer.upsertRoom(room)
                try writer.setSetting("first_start_done", "yes")
                try writer.markRun(jobKey: "summary:7", at: fixedDate(4))
                return try writer.enqueue(sendAction(room: "!d:hs"), at: fixedDate(6))
            }
        }()

        let reopened = try AppDatabase(path: path)
        try reopened.read { reader throws in
            #expect(try reader.syncToken() == "s42")
            #expect(try reader.isProcessed(eventID: "$e1"))
            #expect(try reader.room(id: "!d:hs") == room)
            #expect(try reader.setting("first_start_done") == "yes")
            #expect(try reader.hasRun(jobKey: "summary:7"))
            #expect(try reader.outboxItem(id: enqueued.id) == enqueued)
        }
        #expect(try reopened.pendingOutbox(limit: 10) == [enqueued])
    }

    @Test func aStoreWriterCanBeUsedWhereAReaderIsExpected() throws {
        let database = try AppDatabase.inMemory()
        @Sendable func tokenOrNone(_ reader: StoreReader) throws -> String {
            try reader.syncToken() ?? "none"
        }
        let (before, after) = try database.write { writer in
            let before = try tokenOrNone(writer)
            try writer.setSyncToken("s9")
            return (before, try tokenOrNone(writer))
        }
        #expect(before == "none")
        #expect(after == "s9")
    }
}
