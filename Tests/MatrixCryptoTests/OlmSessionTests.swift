// Olm specification, "The Olm Protocol": session setup, pre-key messages until the first
// reply, the ratchet on each change of direction, out-of-order delivery within the bounds.

import Testing
@testable import MatrixCrypto

@Suite struct OlmSessionTests {
    @Test func bobReadsAlicesFirstMessageAndBothNameTheSameSession() throws {
        let pair = try OlmPair()
        let bob = try pair.bobSession(from: "Patient in bed 4 is stable")
        #expect(bob.sessionID == pair.aliceSession.sessionID)
        #expect(bob.hasReceivedMessage && !pair.aliceSession.hasReceivedMessage)
        #expect(pair.bob.storedOneTimeKeyCount == 0)
    }

    @Test func aOneTimeKeyStartsOnlyOneSession() throws {
        let pair = try OlmPair()
        guard case .preKey(let first) = try pair.aliceSession.encrypt(Array("one".utf8)) else { Issue.record("no pre-key"); return }
        _ = try pair.bob.createInboundSession(first)
        #expect(throws: CryptoError.missingOneTimeKey) { try pair.bob.createInboundSession(first) }
    }

    @Test func preKeyMessagesBeforeTheFirstReplyAllReachTheSameSession() throws {
        let pair = try OlmPair()
        let wires = try (0..<5).map { try pair.aliceSession.send("note \($0)") }
        #expect(wires.allSatisfy { $0.type == 0 })
        guard case .preKey(let first) = try OlmMessage(type: 0, body: wires[0].body) else { Issue.record("no pre-key"); return }
        let bob = try pair.bob.createInboundSession(theirIdentityKey: pair.alice.identityKeys.curve25519, first).session
        for (index, wire) in wires.enumerated().dropFirst() {
            guard case .preKey(let repeated) = try OlmMessage(type: 0, body: wire.body) else { Issue.record("no pre-key"); return }
            #expect(bob.matchesInboundSession(theirIdentityKey: pair.alice.identityKeys.curve25519, repeated))
            #expect(try bob.receive(wire) == "note \(index)")
        }
        let reply = try bob.send("got them")
        #expect(reply.type == 1)
        #expect(try pair.aliceSession.receive(reply) == "got them")
        #expect(try pair.aliceSession.send("thanks").type == 1)
    }

    @Test func repliesRatchetBackAndForth() throws {
        let pair = try OlmPair()
        let bob = try pair.bobSession()
        var ratchetKeys: Set<[UInt8]> = []
        for round in 0..<20 {
            for count in 0..<(round % 3 + 1) {
                let wire = try pair.aliceSession.send("a\(round).\(count)")
                if case .normal(let message) = try OlmMessage(type: wire.type, body: wire.body) { ratchetKeys.insert(message.ratchetKey) }
                #expect(try bob.receive(wire) == "a\(round).\(count)")
            }
            let wire = try bob.send("b\(round)")
            if case .normal(let message) = try OlmMessage(type: wire.type, body: wire.body) { ratchetKeys.insert(message.ratchetKey) }
            #expect(try pair.aliceSession.receive(wire) == "b\(round)")
        }
        // Each change of direction brings a new ratchet key.
        #expect(ratchetKeys.count >= 39)
    }

    @Test func outOfOrderMessagesDecryptOnceAndReplaysAreRefused() throws {
        let pair = try OlmPair()
        let bob = try pair.bobSession()
        let wires = try (0..<10).map { try pair.aliceSession.send("m\($0)") }
        for (index, wire) in wires.enumerated().reversed() {
            #expect(try bob.receive(wire) == "m\(index)")
        }
        #expect(throws: CryptoError.unknownMessageIndex) { try bob.receive(wires[3]) }
        #expect(throws: CryptoError.unknownMessageIndex) { try bob.receive(wires[9]) }
    }

    @Test func aLateMessageOfAnEarlierChainStillDecrypts() throws {
        let pair = try OlmPair()
        let bob = try pair.bobSession()
        let late = try pair.aliceSession.send("late")
        #expect(try pair.aliceSession.receive(try bob.send("reply")) == "reply")
        #expect(try bob.receive(try pair.aliceSession.send("new chain")) == "new chain")
        #expect(try bob.receive(late) == "late")
    }

    @Test func aJumpTooFarAheadIsRefusedWithoutWork() throws {
        let pair = try OlmPair()
        let bob = try pair.bobSession()
        var wires: [(type: Int, body: String)] = []
        for index in 0...(Int(OlmReceiverChain.maxMessageGap) + 1) { wires.append(try pair.aliceSession.send("m\(index)")) }
        #expect(throws: CryptoError.tooManySkippedKeys) { try bob.receive(wires.last!) }
        // The refused message left the chain where it was.
        #expect(try bob.receive(wires[0]) == "m0")
    }

    @Test func onlyTheNewestSkippedKeysAreKept() throws {
        let pair = try OlmPair()
        let bob = try pair.bobSession()
        let wires = try (0..<50).map { try pair.aliceSession.send("m\($0)") }
        #expect(try bob.receive(wires[49]) == "m49")
        let oldestKept = 49 - OlmReceiverChain.maxSkippedKeys
        #expect(throws: CryptoError.unknownMessageIndex) { try bob.receive(wires[oldestKept - 1]) }
        #expect(try bob.receive(wires[oldestKept]) == "m\(oldestKept)")
    }

    @Test func forgedNewRatchetKeysNeitherGrowNorEvictTheChains() throws {
        let pair = try OlmPair()
        let bob = try pair.bobSession()
        let late = try pair.aliceSession.send("late")
        let wire = try pair.aliceSession.send("template")
        guard case .preKey(let template) = try OlmMessage(type: wire.type, body: wire.body) else { Issue.record("no pre-key"); return }
        for _ in 0..<(OlmSession.maxReceiverChains * 2) {
            let ratchetKey = (0..<32).map { _ in UInt8.random(in: 0...255) }
            var forged = OlmNormalMessage.authenticatedBytes(ratchetKey: ratchetKey, chainIndex: 0, ciphertext: template.message.ciphertext)
            forged += [UInt8](repeating: 0, count: 8)
            #expect(throws: CryptoError.badMAC) { try bob.decrypt(.normal(OlmNormalMessage(bytes: forged))) }
        }
        #expect(bob.receiverChains.count == 1)
        #expect(try bob.receive(late) == "late")
    }

    @Test func onlyTheNewestReceiverChainsAreKept() throws {
        let pair = try OlmPair()
        let bob = try pair.bobSession()
        let oldest = try pair.aliceSession.send("oldest chain")
        var lateOnes: [(type: Int, body: String)] = []
        for turn in 0..<OlmSession.maxReceiverChains {
            #expect(try pair.aliceSession.receive(try bob.send("b\(turn)")) == "b\(turn)")
            let wire = try pair.aliceSession.send("a\(turn)")
            lateOnes.append(try pair.aliceSession.send("late a\(turn)"))
            #expect(try bob.receive(wire) == "a\(turn)")
        }
        #expect(bob.receiverChains.count == OlmSession.maxReceiverChains)
        // The first chain was dropped; the later ones still read their late messages.
        #expect(throws: CryptoError.badMAC) { try bob.receive(oldest) }
        #expect(try bob.receive(lateOnes[1]) == "late a1")
    }

    @Test func aTamperedMessageIsRefusedAndChangesNothing() throws {
        let pair = try OlmPair()
        let bob = try pair.bobSession()
        let wire = try bob.send("dose 5 mg")
        #expect(wire.type == 1)
        let bytes = try UnpaddedBase64.decode(wire.body)
        // The MAC, the ciphertext, the chain index and the ratchet key.
        for position in [bytes.count - 1, bytes.count - 12, 36, 10] {
            var forged = bytes
            forged[position] ^= 0x01
            #expect(throws: CryptoError.badMAC) { try pair.aliceSession.decrypt(OlmMessage(type: 1, body: UnpaddedBase64.encode(forged))) }
        }
        #expect(!pair.aliceSession.hasReceivedMessage)
        #expect(try pair.aliceSession.receive(wire) == "dose 5 mg")
    }

    @Test func aMessageOfAnotherSessionIsNotDecrypted() throws {
        let first = try OlmPair()
        let second = try OlmPair()
        let bob = try first.bobSession()
        _ = try second.bobSession()
        let foreign = try second.aliceSession.send("not for you")
        guard case .preKey(let preKey) = try OlmMessage(type: 0, body: foreign.body) else { Issue.record("no pre-key"); return }
        #expect(!bob.matchesInboundSession(preKey))
        #expect(throws: CryptoError.malformed("pre-key message of another session")) { try bob.receive(foreign) }
        #expect(throws: CryptoError.badMAC) { try bob.decrypt(.normal(preKey.message)) }
    }

    @Test func theSenderIdentityKeyMustBeTheOneInTheMessage() throws {
        let pair = try OlmPair()
        guard case .preKey(let message) = try pair.aliceSession.encrypt(Array("x".utf8)) else { Issue.record("no pre-key"); return }
        #expect(throws: CryptoError.malformed("pre-key message from another identity key")) {
            try pair.bob.createInboundSession(theirIdentityKey: pair.bob.identityKeys.curve25519, message)
        }
        // The refused attempt did not spend the one-time key.
        #expect(try pair.bob.createInboundSession(message).plaintext == Array("x".utf8))
    }

    @Test func aLowOrderKeyIsRefused() {
        let account = OlmAccount()
        let zero = UnpaddedBase64.encode([UInt8](repeating: 0, count: 32))
        #expect(throws: CryptoError.badKey) { try account.createOutboundSession(theirIdentityKey: zero, theirOneTimeKey: zero) }
        #expect(throws: CryptoError.badKey) {
            try account.createOutboundSession(theirIdentityKey: account.identityKeys.curve25519, theirOneTimeKey: "AAAA")
        }
    }

    @Test func aForgedPreKeyMessageDoesNotSpendTheOneTimeKey() throws {
        let pair = try OlmPair()
        guard case .preKey(let message) = try pair.aliceSession.encrypt(Array("x".utf8)) else { Issue.record("no pre-key"); return }
        var bytes = message.bytes
        bytes[bytes.count - 1] ^= 0x01
        #expect(throws: CryptoError.badMAC) { try pair.bob.createInboundSession(OlmPreKeyMessage(bytes: bytes)) }
        #expect(pair.bob.storedOneTimeKeyCount == 1)
        #expect(try pair.bob.createInboundSession(message).plaintext == Array("x".utf8))
    }

    @Test func descriptionsAndMirrorsShowNoSecrets() throws {
        let pair = try OlmPair()
        let bob = try pair.bobSession(from: "the patient's name")
        #expect(String(describing: pair.aliceSession) == "OlmSession(\(pair.aliceSession.sessionID))")
        #expect(String(describing: pair.alice) == "OlmAccount(curve25519: \(pair.alice.identityKeys.curve25519))")
        var dumped = ""
        dump(pair.alice, to: &dumped)
        dump(pair.bob, to: &dumped)
        dump(bob, to: &dumped)
        dump(pair.aliceSession, to: &dumped)
        dump(pair.aliceSession.sending, to: &dumped)
        dump(bob.receiverChains, to: &dumped)
        pair.bob.generateOneTimeKeys(count: 1)
        dump(pair.bob.oneTimeKeys, to: &dumped)
        let other = try OlmPair()
        guard case .preKey(let message) = try other.aliceSession.encrypt(Array("the patient's name".utf8)) else { return }
        dump(try other.bob.createInboundSession(message), to: &dumped)
        let secrets = [pair.alice.identityKey.rawRepresentation, pair.alice.signingKey.rawRepresentation,
                       pair.bob.identityKey.rawRepresentation, pair.bob.oneTimeKeys.keys[0].privateKey.rawRepresentation]
        for secret in secrets { #expect(!dumped.contains(UnpaddedBase64.encode(secret))) }
        // No byte array of key or plaintext length is listed element by element.
        let listed = dumped.split(separator: "\n").compactMap { line -> Int? in
            guard let range = line.range(of: " elements") else { return nil }
            return Int(line[..<range.lowerBound].split(separator: " ").last ?? "")
        }
        #expect(listed.allSatisfy { $0 < 16 })
        #expect(!dumped.contains("the patient"))
    }
}
