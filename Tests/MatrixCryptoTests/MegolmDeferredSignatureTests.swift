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
        let read = try inbound.decrypt(good, signature: .deferred)
        #expect(read.plaintext == bytes("hello"))
        #expect(read.messageIndex == 0)
        try read.signature.verify()
        // The MAC passes (the forger holds the ratchet); only the deferred check refuses it.
        let unchecked = try inbound.decrypt(forged, signature: .deferred)
        #expect(unchecked.messageIndex == 1)
        #expect(throws: CryptoError.badSignature) { try unchecked.signature.verify() }
        #expect(unchecked.signature.signature != read.signature.signature)
        #expect(try inbound.decrypt(good, signature: .deferred).signature == read.signature, "the same message, the same signature bytes")
        #expect(throws: CryptoError.badMAC) { try inbound.decrypt(MegolmOutboundSession().encrypt(bytes("other")), signature: .deferred) }
    }

    @Test func aForgedMessageFromBeforeTheFirstKnownIndexIsRefusedAsForgedNotLeftWaitingForAKey() throws {
        let genuine = MegolmOutboundSession()
        // A forger who once held the ratchet at index 0, signing with a key of its own.
        let forged = MegolmOutboundSession(ratchet: genuine.ratchet, signingKey: Curve25519.Signing.PrivateKey()).encrypt(bytes("!groups delete"))
        let early = genuine.encrypt(bytes("sent before the key was shared"))
        let inbound = try MegolmInboundSession(sessionKey: genuine.sessionKey)  // from index 1
        for check in [MegolmSignatureCheck.first, .deferred] {
            #expect(throws: CryptoError.badSignature, "\(check)") { try inbound.decrypt(forged, signature: check) }
            #expect(throws: CryptoError.unknownMessageIndex, "\(check): the sender's own message waits") {
                try inbound.decrypt(early, signature: check)
            }
        }
        #expect(throws: CryptoError.badSignature) { try inbound.decrypt(forged, signature: .deferred) }
    }

    @Test func checkingTheSignatureFirstLeavesTheRatchetWhereItWasForAForgery() throws {
        let genuine = MegolmOutboundSession()
        let inbound = try MegolmInboundSession(sessionKey: genuine.sessionKey)
        let forger = MegolmOutboundSession(ratchet: genuine.ratchet, signingKey: Curve25519.Signing.PrivateKey())
        for _ in 0..<200 { _ = forger.encrypt(bytes("filler")) }
        let far = forger.encrypt(bytes("!help"))
        #expect(throws: CryptoError.badSignature) { try inbound.decrypt(far, signature: .first) }
        #expect(inbound.latestRatchet.index == 0, "a refused forgery moved nothing")
        let read = try inbound.decrypt(genuine.encrypt(bytes("hello")), signature: .first)
        #expect(read.plaintext == bytes("hello"))
        // Deferred, the MAC alone lets the forger's message move the cached ratchet (the cost
        // EventRouter+Authenticity bounds); checked first, only the sender's can.
        _ = try inbound.decrypt(far, signature: .deferred)
        #expect(inbound.latestRatchet.index == 200)
    }
}
