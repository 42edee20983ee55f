import Foundation
import Testing
@testable import PeerBotStore

@Suite struct TransactionTests {
    @Test(arguments: StoreFlavor.allCases)
    func aWriteThatThrowsKeepsNoneOfItsEffects(flavor: StoreFlavor) throws {
        let store = try TestStore(flavor)
        let database = store.database
        try database.write { writer in
            try writer.sync.setToken("batch-1")
            try writer.sync.markProcessed(eventID: "$before", roomID: "!r:hs", at: fixedDate(0))
        }

        #expect(throws: DeliberateFailure.self) {
            try database.write { writer in
                try writer.sync.setToken("batch-2")
                try writer.sync.markProcessed(eventID: "$during", roomID: "!r:hs", at: fixedDate(1))
                try writer.outbox.enqueue(sendAction())
                try writer.rooms.upsert(RoomRecord(roomID: "!g:hs", kind: .group, groupName: "A"))
                try writer.settings.set("cohort", "2025-spring")
                try writer.jobs.markRun(jobKey: "goals:1", at: fixedDate(1))
                throw DeliberateFailure()
            }
        }

        try database.read { reader throws in
            #expect(try reader.sync.token() == "batch-1")
            #expect(try reader.sync.isProcessed(eventID: "$before"))
            #expect(try !reader.sync.isProcessed(eventID: "$during"))
            #expect(try reader.outbox.counts() == (0, 0, 0))
            #expect(try reader.rooms.find(id: "!g:hs") == nil)
            #expect(try reader.settings.value("cohort") == nil)
            #expect(try !reader.jobs.hasRun(jobKey: "goals:1"))
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
                try writer.sync.setToken("s42")
                try writer.sync.markProcessed(eventID: "$e1", roomID: "!d:hs", at: fixedDate(3))
                try writer.rooms.upsert(room)
                try writer.settings.set("first_start_done", "yes")
                try writer.jobs.markRun(jobKey: "summary:7", at: fixedDate(4))
                return try writer.outbox.enqueue(sendAction(room: "!d:hs"), at: fixedDate(6))
            }
        }()

        let reopened = try AppDatabase(path: path)
        try reopened.read { reader throws in
            #expect(try reader.sync.token() == "s42")
            #expect(try reader.sync.isProcessed(eventID: "$e1"))
            #expect(try reader.rooms.find(id: "!d:hs") == room)
            #expect(try reader.settings.value("first_start_done") == "yes")
            #expect(try reader.jobs.hasRun(jobKey: "summary:7"))
            #expect(try reader.outbox.item(id: enqueued.id) == enqueued)
        }
        #expect(try reopened.outbox.pending(limit: 10) == [enqueued])
    }

    @Test func aStoreWriterCanBeUsedWhereAReaderIsExpected() throws {
        let database = try AppDatabase.inMemory()
        @Sendable func tokenOrNone(_ reader: StoreReader) throws -> String {
            try reader.sync.token() ?? "none"
        }
        let (before, after) = try database.write { writer in
            let before = try tokenOrNone(writer)
            try writer.sync.setToken("s9")
            return (before, try tokenOrNone(writer))
        }
        #expect(before == "none")
        #expect(after == "s9")
    }
}
