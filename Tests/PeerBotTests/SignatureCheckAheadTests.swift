import Crypto
import Testing
@testable import MatrixCrypto
@testable import PeerBot

/// The signature checkers that run beside the router: every verdict the router takes is the one
/// Ed25519 gives, whether a checker got to the message first, is on it, or never came to it.
@Suite struct SignatureCheckAheadTests {
    /// `count` messages of one session, every third forged by a member holding the room key.
    func messages(_ count: Int) throws -> [(place: SignatureCheckAhead.Place, signature: DeferredMegolmSignature, genuine: Bool)] {
        let sender = MegolmOutboundSession()
        let inbound = try MegolmInboundSession(sessionKey: sender.sessionKey)
        return try (0..<count).map { number in
            let genuine = number % 3 != 0
            let maker = genuine ? sender : MegolmOutboundSession(ratchet: sender.ratchet, signingKey: Curve25519.Signing.PrivateKey())
            let ciphertext = maker.encrypt(Array("!reflect \(number)".utf8))
            if !genuine { _ = sender.encrypt([0]) }  // the sender's own ratchet moves past the forged index
            let read = try inbound.decrypt(ciphertext, signature: .deferred)
            return (SignatureCheckAhead.Place(eventID: "$\(number)", slot: 0), read.signature, genuine)
        }
    }

    @Test(arguments: [0, 1, 3])
    func everyVerdictIsEd25519sWhetherTheCheckersCameFirstOrNot(threads: Int) throws {
        let work = try messages(60)
        let ahead = SignatureCheckAhead(work.map { ($0.place, $0.signature) })
        if threads > 0 { ahead.start(threads: threads) }
        // The router's order, from the end backwards for half of them, so it meets messages the
        // checkers are on or have not reached.
        let order = Array(work.indices.prefix(30)) + work.indices.suffix(30).reversed()
        for index in order {
            let item = work[index]
            #expect(ahead.verifies(eventID: item.place.eventID, slot: 0, item.signature) == item.genuine, "message \(index)")
        }
        ahead.finish()
        for item in work {
            #expect(ahead.verifies(eventID: item.place.eventID, slot: 0, item.signature) == item.genuine, "asked again after finish")
        }
    }

    @Test func aMessageItWasNotGivenOrGivenUnderAnotherSignatureIsCheckedOnTheSpot() throws {
        let work = try messages(4)
        let ahead = SignatureCheckAhead([(work[1].place, work[1].signature)])
        ahead.start(threads: 2)
        defer { ahead.finish() }
        // A forged signature asked for under a genuine message's place is never given its verdict.
        #expect(!ahead.verifies(eventID: work[1].place.eventID, slot: 0, work[0].signature))
        #expect(ahead.verifies(eventID: work[1].place.eventID, slot: 0, work[1].signature))
        #expect(ahead.verifies(eventID: "$elsewhere", slot: 0, work[2].signature))
        #expect(!ahead.verifies(eventID: work[1].place.eventID, slot: 1, work[3].signature))
    }

    @Test func finishingStopsTheCheckersAndLeavesNothingBelieved() throws {
        let work = try messages(30)
        let ahead = SignatureCheckAhead(work.map { ($0.place, $0.signature) })
        ahead.finish()  // before any start: returns at once
        ahead.start(threads: 2)
        ahead.finish()
        let forged = try #require(work.first { !$0.genuine })
        #expect(!ahead.verifies(eventID: forged.place.eventID, slot: 0, forged.signature))
    }
}
