// Olm specification and Matrix spec "m.olm.v1.curve25519-aes-sha2", proven against
// vodozemac 0.10.0: sessions set up in each direction, long conversations with out-of-order
// delivery, one-time and fallback key use, and Ed25519 signatures verified by the other side.

import Testing
@testable import MatrixCrypto

/// vodozemac driven through Reference/olm_reference.py, accounts and sessions kept by name.
final class OlmReference {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let peer: ReferencePeer

    init() throws {
        peer = try ReferencePeer(script: "olm_reference.py")
    }

    @discardableResult
    func call(_ op: String, _ arguments: [String: Any] = [:]) throws -> [String: Any] {
        var request = arguments
        request["op"] = op
        let answer = try peer.call(request)
        if let error = answer["error"] as? String { throw Failure(description: error) }
        return answer
    }

    func newAccount(_ name: String) throws -> (curve25519: String, ed25519: String) {
        let answer = try call("account_new", ["account": name])
        return (try #require(answer["curve25519"] as? String), try #require(answer["ed25519"] as? String))
    }

    func oneTimeKey(_ account: String, fallback: Bool = false) throws -> String {
        let answer = try call(fallback ? "generate_fallback_key" : "generate_one_time_keys", ["account": account, "count": 1])
        return try #require((answer["keys"] as? [String: String])?.values.first)
    }

    func encrypt(_ session: String, _ plaintext: [UInt8]) throws -> OlmMessage {
        let answer = try call("encrypt", ["session": session, "plaintext": UnpaddedBase64.encode(plaintext)])
        return try OlmMessage(type: try #require(answer["type"] as? Int), body: try #require(answer["body"] as? String))
    }

    func decrypt(_ session: String, _ message: OlmMessage) throws -> [UInt8] {
        let answer = try call("decrypt", ["session": session, "type": message.type, "body": message.body])
        return try UnpaddedBase64.decode(try #require(answer["plaintext"] as? String))
    }

    /// vodozemac's inbound session from our pre-key message, and the plaintext it read.
    func createInbound(_ account: String, session: String, from identityKey: String, _ message: OlmMessage) throws -> (id: String, plaintext: [UInt8]) {
        let answer = try call("create_inbound", ["account": account, "session": session, "identity_key": identityKey,
                                                 "type": message.type, "body": message.body])
        return (try #require(answer["session_id"] as? String),
                try UnpaddedBase64.decode(try #require(answer["plaintext"] as? String)))
    }
}

@Suite struct OlmReferenceTests {
    let reference: OlmReference

    init() throws {
        reference = try OlmReference()
    }

    /// Our Alice and vodozemac's Bob, set up from one of Bob's one-time (or fallback) keys.
    func oursToTheirs(fallback: Bool = false) throws -> (ours: OlmSession, theirs: String) {
        let bob = try reference.newAccount("bob")
        let alice = OlmAccount()
        let session = try alice.createOutboundSession(theirIdentityKey: bob.curve25519,
                                                      theirOneTimeKey: try reference.oneTimeKey("bob", fallback: fallback))
        // Several pre-key messages before vodozemac's first reply.
        let firsts = try (0..<3).map { try session.encrypt(Array("pre-key \($0)".utf8)) }
        #expect(firsts.allSatisfy { $0.type == 0 })
        let inbound = try reference.createInbound("bob", session: "bob-alice", from: alice.identityKeys.curve25519, firsts[0])
        #expect(inbound.id == session.sessionID && inbound.plaintext == Array("pre-key 0".utf8))
        for (index, message) in firsts.enumerated().dropFirst() {
            let answer = try reference.call("session_matches", ["session": "bob-alice", "type": 0, "body": message.body])
            #expect(answer["matches"] as? Bool == true)
            #expect(try reference.decrypt("bob-alice", message) == Array("pre-key \(index)".utf8))
        }
        return (session, "bob-alice")
    }

    /// vodozemac's Alice and our Bob, set up from one of our one-time (or fallback) keys.
    func theirsToOurs(fallback: Bool = false) throws -> (ours: OlmSession, theirs: String, bob: OlmAccount) {
        let alice = try reference.newAccount("alice")
        let bob = OlmAccount()
        let key: String
        if fallback {
            bob.generateFallbackKey()
            key = try #require(bob.unpublishedFallbackKey).key
        } else {
            bob.generateOneTimeKeys(count: 1)
            key = try #require(bob.unpublishedOneTimeKeys.first).key
        }
        bob.markKeysAsPublished()
        try reference.call("create_outbound", ["account": "alice", "session": "alice-bob",
                                               "identity_key": bob.identityKeys.curve25519, "one_time_key": key])
        let firsts = try (0..<3).map { try reference.encrypt("alice-bob", Array("pre-key \($0)".utf8)) }
        guard case .preKey(let first) = firsts[0] else { throw OlmReference.Failure(description: "vodozemac sent no pre-key message") }
        let inbound = try bob.createInboundSession(theirIdentityKey: alice.curve25519, first)
        #expect(inbound.plaintext == Array("pre-key 0".utf8))
        for (index, message) in firsts.enumerated().dropFirst() {
            guard case .preKey(let repeated) = message else { Issue.record("not a pre-key message"); continue }
            #expect(inbound.session.matchesInboundSession(theirIdentityKey: alice.curve25519, repeated))
            #expect(try inbound.session.decrypt(message) == Array("pre-key \(index)".utf8))
        }
        return (inbound.session, "alice-bob", bob)
    }

    /// Bursts of 1–5 messages of 0–600 bytes in alternating directions, each burst delivered
    /// shuffled; now and then one message is held back and delivered after two changes of
    /// direction, when it belongs to an old chain. Returns how many messages were read.
    func converse(_ ours: OlmSession, _ theirs: String, rounds: Int) throws -> Int {
        var generator = SystemRandomNumberGenerator()
        var delivered = 0
        var heldBack: [Int: (message: OlmMessage, plaintext: [UInt8])] = [:]
        for round in 0..<rounds {
            let toOurs = round % 2 == 0
            var burst: [(message: OlmMessage, plaintext: [UInt8])] = []
            for _ in 0..<Int.random(in: 1...5, using: &generator) {
                let plaintext = (0..<Int.random(in: 0...600, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
                burst.append((toOurs ? try reference.encrypt(theirs, plaintext) : try ours.encrypt(plaintext), plaintext))
            }
            burst.shuffle(using: &generator)
            if round % 7 == 3, burst.count > 1 { heldBack[round + 2] = burst.popLast() }
            // A held-back message goes the same direction, two rounds later.
            if let late = heldBack.removeValue(forKey: round) { burst.append(late) }
            for item in burst {
                let plaintext = toOurs ? try ours.decrypt(item.message) : try reference.decrypt(theirs, item.message)
                #expect(plaintext == item.plaintext)
                delivered += 1
            }
        }
        return delivered
    }

    @Test func fromTheSameStateBothEncryptByteForByteAlike() throws {
        func bytes(_ value: UInt8) -> String { UnpaddedBase64.encode([UInt8](repeating: value, count: 32)) }
        let ours = try fixedStateSession()
        let answer = try reference.call("fixed_session", ["session": "fixed", "root_key": bytes(1), "ratchet_secret": bytes(2),
                                                          "chain_key": bytes(3), "chain_index": 0, "identity_key": bytes(5),
                                                          "base_key": bytes(4), "one_time_key": bytes(6)])
        #expect(answer["session_id"] as? String == ours.sessionID)
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 15, 16, 17, 255, 4096] {
            let plaintext = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(try ours.encrypt(plaintext).body == reference.encrypt("fixed", plaintext).body)
        }
    }

    @Test func ourSessionToVodozemacCarriesAConversation() throws {
        let (ours, theirs) = try oursToTheirs()
        #expect(try converse(ours, theirs, rounds: 120) >= 200)
        #expect(ours.hasReceivedMessage)
        #expect(try ours.encrypt(Array("x".utf8)).type == 1)
    }

    @Test func vodozemacsSessionToUsCarriesAConversation() throws {
        let (ours, theirs, _) = try theirsToOurs()
        #expect(try converse(ours, theirs, rounds: 120) >= 200)
    }

    @Test func aOneTimeKeyStartsOneSessionOnEachSide() throws {
        // vodozemac starts two sessions from the same claimed key of ours: only one is accepted.
        _ = try reference.newAccount("alice")
        let bob = OlmAccount()
        bob.generateOneTimeKeys(count: 1)
        let key = try #require(bob.unpublishedOneTimeKeys.first).key
        var preKeys: [OlmPreKeyMessage] = []
        for name in ["first", "second"] {
            try reference.call("create_outbound", ["account": "alice", "session": name,
                                                   "identity_key": bob.identityKeys.curve25519, "one_time_key": key])
            guard case .preKey(let message) = try reference.encrypt(name, Array(name.utf8)) else { Issue.record("no pre-key"); return }
            preKeys.append(message)
        }
        #expect(try bob.createInboundSession(preKeys[0]).plaintext == Array("first".utf8))
        #expect(bob.storedOneTimeKeyCount == 0)
        #expect(throws: CryptoError.missingOneTimeKey) { try bob.createInboundSession(preKeys[1]) }
        // We start two sessions from the same claimed key of vodozemac's: it accepts only one.
        let carol = try reference.newAccount("carol")
        let carolKey = try reference.oneTimeKey("carol")
        let account = OlmAccount()
        let sessions = try (0..<2).map { _ in try account.createOutboundSession(theirIdentityKey: carol.curve25519, theirOneTimeKey: carolKey) }
        let first = try reference.createInbound("carol", session: "c1", from: account.identityKeys.curve25519, try sessions[0].encrypt(Array("one".utf8)))
        #expect(first.plaintext == Array("one".utf8) && first.id == sessions[0].sessionID)
        #expect(throws: OlmReference.Failure.self) {
            try reference.createInbound("carol", session: "c2", from: account.identityKeys.curve25519, try sessions[1].encrypt(Array("two".utf8)))
        }
    }

    @Test func fallbackKeySessionsWorkInBothDirections() throws {
        let (ours, theirs) = try oursToTheirs(fallback: true)
        #expect(try converse(ours, theirs, rounds: 10) >= 10)
        let (ourBob, theirAlice, _) = try theirsToOurs(fallback: true)
        #expect(try converse(ourBob, theirAlice, rounds: 10) >= 10)
    }

    @Test func eachSideVerifiesTheOthersSignature() throws {
        let account = OlmAccount()
        let message = Array("{\"device_id\":\"PEERBOT\",\"user_id\":\"@peerbot:example.org\"}".utf8)
        let valid = try reference.call("verify", ["key": account.identityKeys.ed25519, "message": UnpaddedBase64.encode(message),
                                                  "signature": account.sign(message)])
        #expect(valid["valid"] as? Bool == true)
        let forged = try reference.call("verify", ["key": account.identityKeys.ed25519, "message": UnpaddedBase64.encode(message + [1]),
                                                   "signature": account.sign(message)])
        #expect(forged["valid"] as? Bool == false)
        let theirs = try reference.newAccount("signer")
        let signature = try #require(try reference.call("sign", ["account": "signer", "message": UnpaddedBase64.encode(message)])["signature"] as? String)
        try OlmAccount.verify(signature: signature, of: message, by: theirs.ed25519)
        #expect(throws: CryptoError.badSignature) { try OlmAccount.verify(signature: signature, of: message + [1], by: theirs.ed25519) }
    }

    @Test func anUnpickledSessionGoesOnTalkingToVodozemac() throws {
        let (ours, theirs) = try oursToTheirs()
        _ = try converse(ours, theirs, rounds: 5)
        let key = PickleKey.random()
        let restored = try OlmSession(pickle: ours.pickle(key: key), key: key)
        #expect(try converse(restored, theirs, rounds: 20) >= 20)
    }
}
