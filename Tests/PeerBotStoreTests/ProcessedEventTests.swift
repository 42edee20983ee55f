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

    /// Event ids reach SQLite inside a JSON array; an id holding a quote, a backslash, a control
    /// character or non-ASCII text is still found as itself, and no neighbour is taken for it.
    @Test(arguments: StoreFlavor.allCases)
    func idsThatNeedEscapingInJSONAreFoundAsThemselves(flavor: StoreFlavor) throws {
        let store = try TestStore(flavor)
        let odd = ["$quote\"d", "$back\\slash", "$new\nline", "$bell\u{07}", "$tab\tend", "$æøå🙂", "$\"", "$\\"]
        let plain = ["$plain", "$quoted", "$backslash"]
        try store.database.write { writer in
            try writer.sync.markProcessed(eventIDs: odd, roomID: "!r:hs", at: fixedDate(0))
        }
        try store.database.read { reader throws in
            #expect(try reader.sync.processed(among: odd + plain) == Set(odd))
            #expect(try reader.sync.processed(among: plain).isEmpty)
            for id in odd {
                #expect(try reader.sync.processed(among: [id]) == [id])
                #expect(try reader.sync.isProcessed(eventID: id))
            }
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

@Suite struct ProcessedEventsInBulk {
    // Ids a hostile server might send: quotes, backslashes and control characters must reach
    // SQLite's JSON reader escaped, or the whole batch's marks fail.
    static let awkward = ["$plain:hs", "$quote\"d:hs", "$back\\slash:hs", "$tab\tand\u{01}:hs", "$æøå:hs"]

    @Test func aTimelinesEventsAreMarkedTogetherAndFoundTogether() throws {
        let database = try AppDatabase.inMemory()
        try database.write { try $0.sync.markProcessed(eventIDs: Self.awkward, roomID: "!r:hs", at: fixedDate(5)) }
        try database.read { reader throws in
            for eventID in Self.awkward { #expect(try reader.sync.isProcessed(eventID: eventID), "\(eventID)") }
            #expect(try reader.sync.processed(among: Self.awkward + ["$never:hs"]) == Set(Self.awkward))
            #expect(try reader.sync.processed(among: ["$never:hs"]).isEmpty)
            #expect(try reader.sync.processed(among: []).isEmpty)
        }
    }

    @Test func markingAgainKeepsTheFirstMarkAndAddsTheNewOnes() throws {
        let database = try AppDatabase.inMemory()
        try database.write { try $0.sync.markProcessed(eventIDs: ["$a:hs"], roomID: "!r:hs", at: fixedDate(5)) }
        try database.write { writer in
            try writer.sync.markProcessed(eventIDs: ["$a:hs", "$b:hs", "$b:hs"], roomID: "!r:hs", at: fixedDate(50))
            try writer.sync.markProcessed(eventIDs: [], roomID: "!r:hs", at: fixedDate(60))
        }
        // Pruning at 20 forgets only what was first marked before it: $a keeps its first date.
        let removed = try database.write { try $0.sync.pruneProcessed(olderThan: fixedDate(20)) }
        #expect(removed == 1)
        try database.read { reader throws in
            #expect(try reader.sync.processed(among: ["$a:hs", "$b:hs"]) == ["$b:hs"])
        }
    }
}
