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
import Crypto

/// A session in a chosen state: root key 0x01…, our ratchet key 0x02…, chain key 0x03… at
/// index 0, session keys I_A 0x05…, E_A 0x04…, E_B 0x06… (what olm_reference.py's
/// `fixed_session` gives vodozemac).
func fixedStateSession() throws -> OlmSession {
    func bytes(_ value: UInt8) -> [UInt8] { [UInt8](repeating: value, count: 32) }
    let chain = OlmSenderChain(ratchetKey: try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: bytes(2)),
                               chainKey: SecretBytes(bytes(3)), index: 0)
    return OlmSession(sessionKeys: OlmSessionKeys(identityKey: bytes(5), baseKey: bytes(4), oneTimeKey: bytes(6)),
                      sending: .active(root: SecretBytes(bytes(1)), chain: chain), receiverChains: [])
}

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
