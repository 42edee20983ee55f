// Issue "Encrypted rooms" pickling requirement for Olm accounts and sessions: an unpickled
// object behaves exactly like the original; a wrong key or damaged pickle is refused.

import Testing
@testable import MatrixCrypto

@Suite struct OlmPickleTests {
    let key = PickleKey.random()

    @Test func anUnpickledAccountKeepsItsKeysAndAcceptsSessionsToThem() throws {
        let pair = try OlmPair()
        pair.bob.generateOneTimeKeys(count: 4)
        pair.bob.generateFallbackKey()
        pair.bob.generateFallbackKey()
        let restored = try OlmAccount(pickle: pair.bob.pickle(key: key), key: key)
        #expect(restored.identityKeys == pair.bob.identityKeys)
        #expect(restored.unpublishedOneTimeKeys == pair.bob.unpublishedOneTimeKeys)
        #expect(restored.unpublishedFallbackKey == pair.bob.unpublishedFallbackKey)
        #expect(restored.storedOneTimeKeyCount == 5)
        #expect(restored.sign(Array("x".utf8)) == pair.bob.sign(Array("x".utf8)))
        guard case .preKey(let message) = try pair.aliceSession.encrypt(Array("hi".utf8)) else { Issue.record("no pre-key"); return }
        #expect(try restored.createInboundSession(message).plaintext == Array("hi".utf8))
        // The restored account forgets its previous fallback key as the original would.
        #expect(restored.forgetPreviousFallbackKey())
        restored.generateOneTimeKeys(count: 1)
        #expect(!pair.bob.unpublishedOneTimeKeys.map(\.keyID).contains(restored.unpublishedOneTimeKeys.last!.keyID))
    }

    @Test func anUnpickledSessionContinuesBothWaysAndKeepsSkippedKeys() throws {
        let pair = try OlmPair()
        let bob = try pair.bobSession()
        let heldBack = try pair.aliceSession.send("held back")
        #expect(try bob.receive(try pair.aliceSession.send("after")) == "after")
        let restoredBob = try OlmSession(pickle: bob.pickle(key: key), key: key)
        let restoredAlice = try OlmSession(pickle: pair.aliceSession.pickle(key: key), key: key)
        #expect(restoredBob.sessionID == bob.sessionID && restoredAlice.sessionID == pair.aliceSession.sessionID)
        #expect(try restoredBob.receive(heldBack) == "held back")
        for round in 0..<5 {
            #expect(try restoredAlice.receive(try restoredBob.send("b\(round)")) == "b\(round)")
            #expect(try restoredBob.receive(try restoredAlice.send("a\(round)")) == "a\(round)")
        }
        // The original, pickled before the held-back message, still reads it too.
        #expect(try bob.receive(heldBack) == "held back")
    }

    @Test func aPickleOpensOnlyUnderItsKeyAndIntact() throws {
        let pair = try OlmPair()
        let pickle = pair.aliceSession.pickle(key: key)
        #expect(throws: CryptoError.wrongPickleKey) { try OlmSession(pickle: pickle, key: PickleKey.random()) }
        #expect(throws: CryptoError.wrongPickleKey) { try OlmAccount(pickle: pair.alice.pickle(key: key), key: PickleKey.random()) }
        var bytes = try UnpaddedBase64.decode(pickle)
        bytes[bytes.count / 2] ^= 1
        #expect(throws: CryptoError.wrongPickleKey) { try OlmSession(pickle: UnpaddedBase64.encode(bytes), key: key) }
        // An account pickle is not a session pickle, even under the right key.
        #expect(throws: CryptoError.self) { try OlmSession(pickle: pair.alice.pickle(key: key), key: key) }
        #expect(throws: CryptoError.badBase64) { try OlmAccount(pickle: "%%%", key: key) }
    }
}
