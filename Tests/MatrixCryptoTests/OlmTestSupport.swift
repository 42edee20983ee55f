// Olm specification, "The Olm Protocol": two accounts and a session between them, for tests.

@testable import MatrixCrypto

/// Alice, Bob and the session Alice started with one of Bob's one-time keys.
struct OlmPair {
    let alice = OlmAccount()
    let bob = OlmAccount()
    let aliceSession: OlmSession

    init(fallback: Bool = false) throws {
        let bobKey: String
        if fallback {
            bob.generateFallbackKey()
            bobKey = try #require(bob.unpublishedFallbackKey).key
        } else {
            bob.generateOneTimeKeys(count: 1)
            bobKey = try #require(bob.unpublishedOneTimeKeys.first).key
        }
        bob.markKeysAsPublished()
        aliceSession = try alice.createOutboundSession(theirIdentityKey: bob.identityKeys.curve25519, theirOneTimeKey: bobKey)
    }

    /// Bob's session from Alice's first message, checking that it decrypts to `text`.
    func bobSession(from text: String = "hello") throws -> OlmSession {
        let message = try aliceSession.encrypt(Array(text.utf8))
        guard case .preKey(let preKey) = message else { throw CryptoError.malformed("expected a pre-key message") }
        let inbound = try bob.createInboundSession(theirIdentityKey: alice.identityKeys.curve25519, preKey)
        #expect(inbound.plaintext == Array(text.utf8))
        return inbound.session
    }
}

import Testing

extension OlmSession {
    /// Encrypts text and returns the wire form, as a Matrix event carries it.
    func send(_ text: String) throws -> (type: Int, body: String) {
        let message = try encrypt(Array(text.utf8))
        return (message.type, message.body)
    }

    /// Decrypts the wire form to text.
    func receive(_ wire: (type: Int, body: String)) throws -> String {
        String(decoding: try decrypt(OlmMessage(type: wire.type, body: wire.body)), as: UTF8.self)
    }
}
