import Foundation
import Testing
@testable import PeerBotStore

/// A batch of encrypted events asks the store about its room keys and message indexes in one
/// statement each; the answers must be exactly those of asking one by one.
@Suite struct MegolmBatchReads {
    static let awkward = ["plain", "quote\"d", "back\\slash", "tab\tand\u{01}", "æøå"]

    func session(_ roomID: String, _ sessionID: String, senderKey: String, from index: Int64 = 0) -> StoredMegolmSession {
        StoredMegolmSession(roomID: roomID, senderKey: senderKey, sessionID: sessionID, senderUserID: "@s:hs",
                            signingKey: "sign-\(senderKey)", firstKnownIndex: index, pickle: "pickle-\(senderKey)-\(sessionID)")
    }

    @Test func aRoomsSessionsAreReadTogetherAsTheyAreOneByOne() throws {
        let database = try AppDatabase.inMemory()
        try database.write { writer in
            for sessionID in Self.awkward { _ = try writer.keys.saveMegolmSession(session("!r:hs", sessionID, senderKey: "K1"), at: fixedDate(1)) }
            _ = try writer.keys.saveMegolmSession(session("!r:hs", "plain", senderKey: "K2", from: 3), at: fixedDate(1))
            // The same session id in another room is that room's, not this one's.
            _ = try writer.keys.saveMegolmSession(session("!other:hs", "plain", senderKey: "K3"), at: fixedDate(1))
        }
        try database.read { reader throws in
            let asked = Self.awkward + ["missing"]
            let together = try reader.undecrypted.megolmSessions(roomID: "!r:hs", sessionIDs: asked)
            #expect(Set(together.keys) == Set(asked), "a session without a stored key is answered too, with none")
            for sessionID in asked {
                let alone = try reader.undecrypted.megolmSessions(roomID: "!r:hs", sessionID: sessionID)
                #expect(Set(together[sessionID]?.map(\.senderKey) ?? []) == Set(alone.map(\.senderKey)), "\(sessionID)")
                for copy in alone { #expect(together[sessionID]?.contains(copy) == true) }
            }
            #expect(together["plain"]?.count == 2)
            #expect(together["missing"] == [])
            #expect(try reader.undecrypted.megolmSessions(roomID: "!r:hs", sessionIDs: []).isEmpty)
        }
    }

    func signature(_ seed: UInt8) -> [UInt8] { (0..<64).map { seed &+ UInt8($0) } }

    @Test func indexUsesAreReadTogetherAsTheyAreOneByOne() throws {
        let database = try AppDatabase.inMemory()
        let used = MegolmIndex(senderKey: "K\"1", sessionID: "S\\1", index: 7)
        let claimed = MegolmIndex(senderKey: "K\"1", sessionID: "S\\1", index: 8)
        let unused = MegolmIndex(senderKey: "K\"1", sessionID: "S\\1", index: 9)
        let old = MegolmIndex(senderKey: "K2", sessionID: "S2", index: 1)
        let other = MegolmIndex(senderKey: "K2", sessionID: "S2", index: 40)
        try database.write { writer in
            try writer.undecrypted.recordMessageIndex(senderKey: used.senderKey, sessionID: used.sessionID, index: used.index,
                                                      eventID: "$used", at: fixedDate(1))
            try writer.undecrypted.claimMessageIndex(senderKey: claimed.senderKey, sessionID: claimed.sessionID, index: claimed.index,
                                                     eventID: "$claim", signature: signature(3), at: fixedDate(1))
            // A month later the old session's records go, its floor rises above index 1.
            try writer.undecrypted.recordMessageIndex(senderKey: old.senderKey, sessionID: old.sessionID, index: old.index,
                                                      eventID: "$old", at: fixedDate(1))
            try writer.undecrypted.pruneMessageIndexes(seenBefore: fixedDate(2), at: fixedDate(3))
            try writer.undecrypted.recordMessageIndex(senderKey: used.senderKey, sessionID: used.sessionID, index: used.index,
                                                      eventID: "$used", at: fixedDate(4))
            try writer.undecrypted.claimMessageIndex(senderKey: claimed.senderKey, sessionID: claimed.sessionID, index: claimed.index,
                                                     eventID: "$claim", signature: signature(3), at: fixedDate(4))
        }
        try database.read { reader throws in
            let asked = [used, claimed, unused, old, other, used]
            let together = try reader.undecrypted.messageIndexUses(asked)
            #expect(together[used] == .usedBy("$used"))
            #expect(together[claimed] == .claimedBy("$claim", signature: signature(3)))
            #expect(together[unused] == .unused)
            #expect(together[old] == .forgotten)
            #expect(together[other] == .unused)
            for index in asked {
                #expect(together[index] == (try reader.undecrypted.messageIndexUse(senderKey: index.senderKey, sessionID: index.sessionID,
                                                                                    index: index.index)))
            }
            #expect(try reader.undecrypted.messageIndexUses([]).isEmpty)
        }
    }

    @Test func claimsWrittenTogetherKeepEachItsOwnSignatureAndTheFirstClaimWins() throws {
        let database = try AppDatabase.inMemory()
        let indexes = (0..<5).map { MegolmIndex(senderKey: "K", sessionID: "S", index: Int64($0)) }
        try database.write { writer in
            try writer.undecrypted.recordMessageIndex(senderKey: "K", sessionID: "S", index: 2, eventID: "$verified", at: fixedDate(1))
            try writer.undecrypted.claimMessageIndexes([
                MessageIndexClaim(index: indexes[0], eventID: "$a", signature: signature(10)),
                MessageIndexClaim(index: indexes[1], eventID: "$b", signature: signature(20)),
                // An odd signature (no Megolm message has one) is written alone, in its place.
                MessageIndexClaim(index: indexes[3], eventID: "$odd", signature: [1, 2, 3]),
                MessageIndexClaim(index: indexes[2], eventID: "$c", signature: signature(30)),
                MessageIndexClaim(index: indexes[1], eventID: "$later", signature: signature(40)),
                MessageIndexClaim(index: indexes[4], eventID: "$e\"q", signature: signature(50)),
            ], at: fixedDate(2))
            try writer.undecrypted.claimMessageIndexes([], at: fixedDate(2))
        }
        try database.read { reader throws in
            let uses = try reader.undecrypted.messageIndexUses(indexes)
            #expect(uses[indexes[0]] == .claimedBy("$a", signature: signature(10)))
            #expect(uses[indexes[1]] == .claimedBy("$b", signature: signature(20)), "the first claim of an index wins")
            #expect(uses[indexes[2]] == .usedBy("$verified"), "a verified record is never claimed over")
            #expect(uses[indexes[3]] == .claimedBy("$odd", signature: [1, 2, 3]))
            #expect(uses[indexes[4]] == .claimedBy("$e\"q", signature: signature(50)))
        }
    }
}
