import Foundation
import Testing
@testable import PeerBotStore

@Suite struct ProcessedEventTests {
    @Test(arguments: StoreFlavor.allCases)
    func anEventIsProcessedOnlyOnce(flavor: StoreFlavor) throws {
        let store = try TestStore(flavor)
        let (firstTime, secondTime) = try store.database.write { writer in
            (
                try writer.sync.markProcessed(eventID: "$a", roomID: "!r:hs", at: fixedDate(0)),
                try writer.sync.markProcessed(eventID: "$a", roomID: "!r:hs", at: fixedDate(9))
            )
        }
        #expect(firstTime)
        #expect(!secondTime)
        let laterBatch = try store.database.write { writer in
            try writer.sync.markProcessed(eventID: "$a", roomID: "!r:hs", at: fixedDate(20))
        }
        #expect(!laterBatch)
        try store.database.read { reader throws in
            #expect(try reader.sync.isProcessed(eventID: "$a"))
            #expect(try !reader.sync.isProcessed(eventID: "$b"))
        }
    }

    @Test func pruningForgetsOnlyOlderEvents() throws {
        let database = try AppDatabase.inMemory()
        try database.write { writer in
            try writer.sync.markProcessed(eventID: "$old", roomID: "!r:hs", at: fixedDate(0))
            try writer.sync.markProcessed(eventID: "$edge", roomID: "!r:hs", at: fixedDate(100))
            try writer.sync.markProcessed(eventID: "$new", roomID: "!r:hs", at: fixedDate(200))
        }
        let removed = try database.write { try $0.sync.pruneProcessed(olderThan: fixedDate(100)) }
        #expect(removed == 1)
        try database.read { reader throws in
            #expect(try !reader.sync.isProcessed(eventID: "$old"))
            #expect(try reader.sync.isProcessed(eventID: "$edge"))
            #expect(try reader.sync.isProcessed(eventID: "$new"))
        }
    }
}

@Suite struct QuietRoomMemory {
    @Test func eachRoomKeepsItsNewestEventIDHoweverOld() throws {
        let database = try AppDatabase.inMemory()
        try database.write { writer in
            try writer.sync.markProcessed(eventID: "$quiet1", roomID: "!quiet:hs", at: fixedDate(0))
            try writer.sync.markProcessed(eventID: "$quiet2", roomID: "!quiet:hs", at: fixedDate(10))
            try writer.sync.markProcessed(eventID: "$busyOld", roomID: "!busy:hs", at: fixedDate(10))
            try writer.sync.markProcessed(eventID: "$busyNew", roomID: "!busy:hs", at: fixedDate(200))
        }
        let removed = try database.write { try $0.sync.pruneProcessed(olderThan: fixedDate(100)) }
        #expect(removed == 2)
        try database.read { reader throws in
            // The quiet room's last event still stops a backfill of its cut timeline.
            #expect(try reader.sync.isProcessed(eventID: "$quiet2"))
            #expect(try !reader.sync.isProcessed(eventID: "$quiet1"))
            #expect(try !reader.sync.isProcessed(eventID: "$busyOld"))
            #expect(try reader.sync.isProcessed(eventID: "$busyNew"))
        }
    }
}
