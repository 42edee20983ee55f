// Matrix spec "Key management" and Olm specification "Creating an outbound session": one-time
// and fallback keys, their publication and consumption, and Ed25519 signing.

import Testing
@testable import MatrixCrypto

@Suite struct OlmAccountTests {
    @Test func identityKeysAreUnpaddedBase64Of32Bytes() throws {
        let keys = OlmAccount().identityKeys
        #expect(keys.curve25519.count == 43 && keys.ed25519.count == 43)
        #expect(try UnpaddedBase64.decode(keys.curve25519).count == 32)
        #expect(keys.curve25519 != keys.ed25519)
    }

    @Test func oneTimeKeysAreListedUntilPublished() {
        let account = OlmAccount()
        account.generateOneTimeKeys(count: 3)
        let listed = account.unpublishedOneTimeKeys
        #expect(listed.count == 3 && Set(listed.map(\.keyID)).count == 3 && Set(listed.map(\.key)).count == 3)
        #expect(listed.first?.keyID == "AAAAAAAAAAA")
        account.markKeysAsPublished()
        #expect(account.unpublishedOneTimeKeys.isEmpty && account.storedOneTimeKeyCount == 3)
        account.generateOneTimeKeys(count: 2)
        #expect(account.unpublishedOneTimeKeys.count == 2 && account.storedOneTimeKeyCount == 5)
        #expect(Set(account.unpublishedOneTimeKeys.map(\.keyID)).isDisjoint(with: listed.map(\.keyID)))
    }

    @Test func theStockOfOneTimeKeysIsBounded() {
        let account = OlmAccount()
        account.generateOneTimeKeys(count: 10)
        let oldest = account.unpublishedOneTimeKeys[0].key
        let dropped = account.generateOneTimeKeys(count: OlmOneTimeKeyStore.maxStored)
        #expect(account.storedOneTimeKeyCount == OlmOneTimeKeyStore.maxStored)
        #expect(dropped.count == 10 && dropped.first == oldest)
        #expect(account.generateOneTimeKeys(count: -1).isEmpty)
    }

    @Test func aFallbackKeyServesManySessionsAndOutlivesItsSuccessorUntilForgotten() throws {
        let pair = try OlmPair(fallback: true)
        _ = try pair.bobSession()
        #expect(pair.bob.unpublishedFallbackKey == nil)
        let fallbackKey = try #require(pair.bob.fallbackKeys.current).publicKey
        // A second device uses the same fallback key.
        let carol = OlmAccount()
        let carolSession = try carol.createOutboundSession(theirIdentityKey: pair.bob.identityKeys.curve25519,
                                                           theirOneTimeKey: UnpaddedBase64.encode(fallbackKey))
        guard case .preKey(let first) = try carolSession.encrypt(Array("one".utf8)) else { Issue.record("no pre-key"); return }
        pair.bob.generateFallbackKey()
        #expect(pair.bob.unpublishedFallbackKey != nil)
        #expect(try pair.bob.createInboundSession(first).plaintext == Array("one".utf8))
        #expect(pair.bob.forgetPreviousFallbackKey())
        #expect(!pair.bob.forgetPreviousFallbackKey())
        #expect(throws: CryptoError.missingOneTimeKey) { try pair.bob.createInboundSession(first) }
    }

    @Test func signaturesVerifyAndForgeriesDoNot() throws {
        let account = OlmAccount()
        let message = Array("{\"algorithms\":[]}".utf8)
        let signature = account.sign(message)
        #expect(account.signature(for: message).count == 64)
        try OlmAccount.verify(signature: signature, of: message, by: account.identityKeys.ed25519)
        #expect(throws: CryptoError.badSignature) { try OlmAccount.verify(signature: signature, of: message + [0x20], by: account.identityKeys.ed25519) }
        #expect(throws: CryptoError.badSignature) { try OlmAccount.verify(signature: signature, of: message, by: OlmAccount().identityKeys.ed25519) }
        #expect(throws: CryptoError.badSignature) { try OlmAccount.verify(signature: "AAAA", of: message, by: account.identityKeys.ed25519) }
        #expect(throws: CryptoError.badKey) { try OlmAccount.verify(signature: signature, of: message, by: "AAAA") }
    }
}
