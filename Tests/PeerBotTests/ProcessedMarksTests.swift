import Foundation
import PeerBotStore
import Testing
@testable import PeerBot

@Suite struct ProcessedMarksTests {
    let database = try! AppDatabase.inMemory()
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func theFirstClaimOfAnIdWinsAndTheStoreIsAskedWhenNothingWasReadAhead() throws {
        try database.write { try $0.sync.markProcessed(eventIDs: ["$old:hs"], roomID: "!r:hs", at: now) }
        let claims = try database.write { writer in
            let marks = ProcessedMarks()
            return [
                try marks.claim("$a:hs", roomID: "!r:hs", stored: false, in: writer),
                try marks.claim("$a:hs", roomID: "!other:hs", stored: false, in: writer),
                try marks.claim("$old:hs", roomID: "!r:hs", stored: nil, in: writer),
                try marks.claim("$told:hs", roomID: "!r:hs", stored: true, in: writer),
                try marks.claim("$new:hs", roomID: "!r:hs", stored: nil, in: writer),
            ]
        }
        #expect(claims == [true, false, false, false, true])
    }

    @Test func undoingASavepointsClaimsLetsTheEventBeClaimedAgain() throws {
        try database.write { writer in
            let marks = ProcessedMarks()
            #expect(try marks.claim("$kept:hs", roomID: "!r:hs", stored: false, in: writer))
            let checkpoint = marks.checkpoint
            #expect(try marks.claim("$undone:hs", roomID: "!r:hs", stored: false, in: writer))
            marks.undo(to: checkpoint)
            #expect(try !marks.claim("$kept:hs", roomID: "!r:hs", stored: false, in: writer))
            marks.undo(to: checkpoint + 5)
            try marks.write(to: writer, at: now)
        }
        #expect(try database.read { try $0.sync.processed(among: ["$kept:hs", "$undone:hs"]) } == ["$kept:hs"])
    }

    @Test func claimsOfSeveralRoomsAreWrittenEachWithItsRoom() throws {
        try database.write { writer in
            let marks = ProcessedMarks()
            for (eventID, roomID) in [("$1", "!a:hs"), ("$2", "!a:hs"), ("$3", "!b:hs"), ("$4", "!a:hs")] {
                _ = try marks.claim(eventID, roomID: roomID, stored: false, in: writer)
            }
            try marks.write(to: writer, at: now)
            // Written and emptied: a second write adds nothing and claims start over.
            try marks.write(to: writer, at: now)
        }
        let all = ["$1", "$2", "$3", "$4"]
        #expect(try database.read { try $0.sync.processed(among: all) } == Set(all))
        // Pruning keeps each room's newest mark (the same date here, so the first id): one per
        // room is left only if each mark kept its own room.
        try database.write { _ = try $0.sync.pruneProcessed(olderThan: now.addingTimeInterval(1)) }
        #expect(try database.read { try $0.sync.processed(among: all) } == ["$1", "$3"])
    }
}
