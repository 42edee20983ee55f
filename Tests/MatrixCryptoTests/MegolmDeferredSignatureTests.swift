// Tests for reading a Megolm message before its Ed25519 signature is checked (Megolm
// specification, "Decrypting a message"): the MAC alone passes a forger who holds the room key,
// the deferred check does not.

import Crypto
import Testing
@testable import MatrixCrypto

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

@Suite struct MegolmDeferredSignatures {
    @Test func aMessageReadBeforeItsSignatureIsCheckedVerifiesOnlyWhenGenuine() throws {
        let genuine = MegolmOutboundSession()
        let inbound = try MegolmInboundSession(sessionKey: genuine.sessionKey)
        let good = genuine.encrypt(bytes("hello"))
        // A member holding the room key, signing with a key of its own.
        let forged = MegolmOutboundSession(ratchet: genuine.ratchet, signingKey: Curve25519.Signing.PrivateKey()).encrypt(bytes("!groups delete"))
        let read = try inbound.decryptDeferringSignature(good)
        #expect(read.plaintext == bytes("hello"))
        #expect(read.messageIndex == 0)
        try read.signature.verify()
        // The MAC passes (the forger holds the ratchet); only the deferred check refuses it.
        let unchecked = try inbound.decryptDeferringSignature(forged)
        #expect(unchecked.messageIndex == 1)
        #expect(throws: CryptoError.badSignature) { try unchecked.signature.verify() }
        #expect(unchecked.signature.signature != read.signature.signature)
        #expect(try inbound.decryptDeferringSignature(good).signature == read.signature, "the same message, the same signature bytes")
        #expect(throws: CryptoError.badMAC) { try inbound.decryptDeferringSignature(MegolmOutboundSession().encrypt(bytes("other"))) }
    }
}
