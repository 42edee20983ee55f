// Tests for checking the Ed25519 signatures of many Megolm messages at once, apart from their
// decryption (Megolm specification, "Decrypting a message"): same verdicts as one by one, in
// order, and no message read whose signature did not verify under its own session's key.

import Crypto
import Testing
@testable import MatrixCrypto

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

@Suite struct MegolmSignatureChecks {
    /// Someone who holds the room key (every member it was shared with) but not the sender's
    /// signing key: valid MACs, a signature under a key of their own.
    static func forger(of session: MegolmOutboundSession) -> MegolmOutboundSession {
        MegolmOutboundSession(ratchet: session.ratchet, signingKey: Curve25519.Signing.PrivateKey())
    }

    @Test func aBatchOfTwoSessionsIsCheckedInOrderAndEachMessageOpensAsAlone() throws {
        let first = MegolmOutboundSession(), second = MegolmOutboundSession()
        let inbound = [first.sessionID: try MegolmInboundSession(sessionKey: first.sessionKey),
                       second.sessionID: try MegolmInboundSession(sessionKey: second.sessionKey)]
        let messages = (0..<40).map { index in
            let session = index % 3 == 0 ? second : first
            return (ciphertext: session.encrypt(bytes("message \(index)")), sessionID: session.sessionID)
        }
        let checked = MegolmSignatureCheck.check(messages)
        #expect(checked.count == messages.count)
        for (index, message) in messages.enumerated() {
            let session = try #require(inbound[message.sessionID])
            let opened = try session.decrypt(try #require(checked[index]))
            #expect(opened.plaintext == bytes("message \(index)"))
        }
    }

    @Test func aForgedSignatureGetsNoPassAndItsSessionRefusesIt() throws {
        let genuine = MegolmOutboundSession()
        let inbound = try MegolmInboundSession(sessionKey: genuine.sessionKey)
        let forged = Self.forger(of: genuine).encrypt(bytes("!groups delete"))
        // Enough messages around it that the check runs on every core.
        var messages = (0..<12).map { (ciphertext: genuine.encrypt(bytes("m\($0)")), sessionID: genuine.sessionID) }
        messages.insert((forged, genuine.sessionID), at: 5)
        let checked = MegolmSignatureCheck.check(messages)
        #expect(checked.enumerated().filter { $0.element == nil }.map(\.offset) == [5])
        #expect(throws: CryptoError.badSignature) { try inbound.decrypt(forged) }
    }

    @Test func aMessageCheckedUnderAnotherKeyIsCheckedAgainByTheSession() throws {
        let genuine = MegolmOutboundSession()
        let inbound = try MegolmInboundSession(sessionKey: genuine.sessionKey)
        let forger = Self.forger(of: genuine)
        // Valid under the forger's own key, so the batch check passes it for that key only.
        let passed = try #require(MegolmSignatureCheck.check([(forger.encrypt(bytes("!help")), forger.sessionID)]).first ?? nil)
        #expect(throws: CryptoError.badSignature) { try inbound.decrypt(passed) }
    }

    @Test func malformedInputGetsNoVerdictAndTheRestIsStillChecked() throws {
        let genuine = MegolmOutboundSession()
        let good = genuine.encrypt(bytes("fine"))
        let truncated = UnpaddedBase64.encode(try UnpaddedBase64.decode(good).prefix(40))
        let checked = MegolmSignatureCheck.check([
            ("not base64!", genuine.sessionID), (truncated, genuine.sessionID), (good, "not a key"), ("", ""), (good, genuine.sessionID),
        ])
        #expect(checked.map { $0 != nil } == [false, false, false, false, true])
        #expect(MegolmSignatureCheck.check([]).isEmpty)
    }
}
