// Differential tests against vodozemac for the Megolm specification, Matrix spec "Signing
// JSON" and "Sending encrypted attachments": each side's output read by the other.

import Crypto
import Foundation
import Testing
@testable import MatrixCrypto

private func b64(_ text: String) -> String { UnpaddedBase64.encode(Array(text.utf8)) }
private func text(_ base64: Any?) throws -> String {
    String(decoding: try UnpaddedBase64.decode(try #require(base64 as? String)), as: UTF8.self)
}

/// Indexes in a fixed pseudo-random order: forward jumps, going back, repeats.
private func scrambled(_ count: Int, seed: UInt64) -> [Int] {
    var state = seed
    return (0..<count).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(state >> 33) % count
    }
}

@Suite struct MegolmReferenceTests {
    @Test func aBrokenReferenceFailsLoudlyWithItsStderr() throws {
        let peer = try ReferencePeer(script: "no_such_reference.py")
        #expect {
            _ = try peer.call(["op": "group_new"])
        } throws: { error in
            String(describing: error).contains("no_such_reference.py")
        }
    }

    @Test func vodozemacReadsOurSessionAtArbitraryIndexes() throws {
        let peer = try ReferencePeer(script: "megolm_reference.py")
        let outbound = MegolmOutboundSession()
        let inbound = try peer.expect(["op": "inbound_new", "session_key": outbound.sessionKey])
        #expect(inbound["session_id"] as? String == outbound.sessionID)
        let messages = (0..<300).map { outbound.encrypt(Array("ours \($0)".utf8)) }
        for index in [299, 0, 150] + scrambled(120, seed: 1).map({ $0 * 2 }) {
            let answer = try peer.expect(["op": "inbound_decrypt", "id": inbound["id"]!, "ciphertext": messages[index]])
            #expect(try text(answer["plaintext"]) == "ours \(index)")
            #expect(answer["message_index"] as? Int == index)
        }
    }

    @Test func weReadVodozemacSessionsAtArbitraryIndexes() throws {
        let peer = try ReferencePeer(script: "megolm_reference.py")
        let group = try peer.expect(["op": "group_new"])
        let inbound = try MegolmInboundSession(sessionKey: try #require(group["session_key"] as? String))
        #expect(inbound.sessionID == group["session_id"] as? String)
        var messages: [String] = []
        for index in 0..<300 {
            let answer = try peer.expect(["op": "group_encrypt", "id": group["id"]!, "plaintext": b64("theirs \(index)")])
            messages.append(try #require(answer["ciphertext"] as? String))
        }
        for index in [0, 299, 1] + scrambled(150, seed: 2).map({ $0 * 2 }) {
            let (plaintext, messageIndex) = try inbound.decrypt(messages[index])
            #expect(String(decoding: plaintext, as: UTF8.self) == "theirs \(index)")
            #expect(messageIndex == UInt32(index))
        }
        // A session key taken later starts there, on both sides.
        let later = try peer.expect(["op": "group_session_key", "id": group["id"]!])
        let lateJoiner = try MegolmInboundSession(sessionKey: try #require(later["session_key"] as? String))
        #expect(lateJoiner.firstKnownIndex == 300)
        #expect(throws: CryptoError.unknownMessageIndex) { try lateJoiner.decrypt(messages[299]) }
    }

    @Test func exportedKeysAtAnIndexCrossBothWaysByteForByte() throws {
        let peer = try ReferencePeer(script: "megolm_reference.py")
        let outbound = MegolmOutboundSession()
        let startKey = outbound.sessionKey
        let ours = try MegolmInboundSession(sessionKey: startKey)
        let messages = (0..<200).map { outbound.encrypt(Array("m\($0)".utf8)) }
        let theirs = try peer.expect(["op": "inbound_import", "exported_key": try #require(ours.exportKey(at: 120))])
        #expect(theirs["first_known_index"] as? Int == 120)
        let read = try peer.expect(["op": "inbound_decrypt", "id": theirs["id"]!, "ciphertext": messages[187]])
        #expect(try text(read["plaintext"]) == "m187")
        let tooEarly = try peer.call(["op": "inbound_decrypt", "id": theirs["id"]!, "ciphertext": messages[119]])
        #expect((tooEarly["error"] as? String)?.contains("unknown message index") == true)

        let full = try peer.expect(["op": "inbound_new", "session_key": startKey])
        let exported = try peer.expect(["op": "inbound_export", "id": full["id"]!, "index": 57])
        let exportedKey = try #require(exported["exported_key"] as? String)
        #expect(ours.exportKey(at: 57) == exportedKey)
        let imported = try MegolmInboundSession(exportedKey: exportedKey)
        #expect(imported.firstKnownIndex == 57)
        #expect(try imported.decrypt(messages[57]).plaintext == Array("m57".utf8))
        #expect(try imported.decrypt(messages[199]).plaintext == Array("m199".utf8))
    }

    @Test(arguments: [UInt32(255), 65_536, 0x0102_0304, 0xFFFF_FF00])
    func ratchetJumpsAgreeWithVodozemacFarAhead(index: UInt32) throws {
        let peer = try ReferencePeer(script: "megolm_reference.py")
        let outbound = MegolmOutboundSession()
        let theirs = try peer.expect(["op": "inbound_new", "session_key": outbound.sessionKey])
        outbound.ratchet.advance(to: index)
        let message = outbound.encrypt(Array("far".utf8))
        let read = try peer.expect(["op": "inbound_decrypt", "id": theirs["id"]!, "ciphertext": message])
        #expect(read["message_index"] as? Int == Int(index))
        #expect(try text(read["plaintext"]) == "far")
        let exported = try peer.expect(["op": "inbound_export", "id": theirs["id"]!, "index": Int(index) + 3])
        var ahead = outbound.ratchet
        ahead.advance(to: index + 3)
        let mine = MegolmSessionKey(ratchet: ahead, signingKey: outbound.signingKey.publicKey).unsignedBytes(version: 1)
        #expect(UnpaddedBase64.encode(mine) == exported["exported_key"] as? String)
    }

    @Test func vodozemacRefusesWhatWeRefuse() throws {
        let peer = try ReferencePeer(script: "megolm_reference.py")
        let outbound = MegolmOutboundSession()
        let theirs = try peer.expect(["op": "inbound_new", "session_key": outbound.sessionKey])
        var bytes = try UnpaddedBase64.decode(outbound.encrypt(Array("x".utf8)))
        bytes[bytes.count - 70] ^= 1  // inside the MAC, under the signature
        let answer = try peer.call(["op": "inbound_decrypt", "id": theirs["id"]!, "ciphertext": UnpaddedBase64.encode(bytes)])
        #expect(answer["error"] != nil)
        let ours = try MegolmInboundSession(sessionKey: outbound.sessionKey)
        #expect(throws: CryptoError.badSignature) { try ours.decrypt(UnpaddedBase64.encode(bytes)) }
    }

    @Test func signaturesMadeByEachSideVerifyOnTheOther() throws {
        let peer = try ReferencePeer(script: "megolm_reference.py")
        let account = try peer.expect(["op": "account_new"])
        let theirKey = try Ed25519.publicKey(try #require(account["ed25519"] as? String))
        let object: [String: JSONValue] = ["user_id": .string("@bot:example.org"), "device_id": .string("PEERBOT"),
                                           "algorithms": .array([.string("m.megolm.v1.aes-sha2")]),
                                           "unsigned": .object(["device_display_name": .string("bot")])]
        let canonical = try JSONSigning.signedBytes(of: object)
        let signed = try peer.expect(["op": "account_sign", "id": account["id"]!, "message": UnpaddedBase64.encode(canonical)])
        let signature = try #require(signed["signature"] as? String)
        try Ed25519.verify(signature: UnpaddedBase64.decode(signature), of: canonical, by: theirKey)
        var withSignature = object
        withSignature["signatures"] = .object(["@bot:example.org": .object(["ed25519:PEERBOT": .string(signature)])])
        try JSONSigning.verify(withSignature, entity: "@bot:example.org", keyID: "ed25519:PEERBOT",
                               publicKey: account["ed25519"] as! String)
        #expect(throws: CryptoError.badSignature) {
            try Ed25519.verify(signature: UnpaddedBase64.decode(signature), of: canonical.dropLast(), by: theirKey)
        }

        let ourKey = Curve25519.Signing.PrivateKey()
        let ourPublic = UnpaddedBase64.encode(ourKey.publicKey.rawRepresentation)
        let ourSigned = try JSONSigning.sign(object, entity: "@bot:example.org", keyID: "ed25519:PEERBOT", key: ourKey)
        let ourSignature = try #require(ourSigned["signatures"]?.objectValue?["@bot:example.org"]?.objectValue?["ed25519:PEERBOT"]?.stringValue)
        let valid = try peer.expect(["op": "verify", "key": ourPublic, "message": UnpaddedBase64.encode(canonical), "signature": ourSignature])
        #expect(valid["valid"] as? Bool == true)
        let tampered = try peer.expect(["op": "verify", "key": ourPublic, "message": b64("other"), "signature": ourSignature])
        #expect(tampered["valid"] as? Bool == false)
    }

    @Test func attachmentsCrossBothWays() throws {
        let peer = try ReferencePeer(script: "megolm_reference.py")
        let picture = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        var (ciphertext, file) = AttachmentCipher.encrypt(picture)
        file.url = "mxc://example.org/ours"
        let fileJSON = try JSONSerialization.jsonObject(with: JSONEncoder().encode(file))
        let read = try peer.expect(["op": "attachment_decrypt", "ciphertext": UnpaddedBase64.encode(ciphertext), "file": fileJSON])
        #expect(try UnpaddedBase64.decode(try #require(read["plaintext"] as? String)) == picture)
        var altered = ciphertext
        altered[100] ^= 1
        let refused = try peer.call(["op": "attachment_decrypt", "ciphertext": UnpaddedBase64.encode(altered), "file": fileJSON])
        #expect((refused["error"] as? String)?.contains("sha256 mismatch") == true)

        let theirs = try peer.expect(["op": "attachment_encrypt", "plaintext": UnpaddedBase64.encode(picture)])
        let theirFile = try JSONDecoder().decode(EncryptedFile.self,
                                                 from: JSONSerialization.data(withJSONObject: try #require(theirs["file"])))
        let theirCiphertext = try UnpaddedBase64.decode(try #require(theirs["ciphertext"] as? String))
        #expect(try AttachmentCipher.decrypt(theirCiphertext, file: theirFile) == picture)
    }
}
