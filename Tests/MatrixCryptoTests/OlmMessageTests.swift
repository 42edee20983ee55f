// Olm specification, "The Olm Message Format": the published encoding vectors of vodozemac's
// test suite, and hostile encodings that must be refused without a crash.

import Testing
@testable import MatrixCrypto

@Suite struct OlmMessageTests {
    // vodozemac src/olm/messages/message.rs, test "encode".
    let ratchetKey = Array("ratchetkeyhereprettyplease123456".utf8)
    let vodozemacMessage = Array("\u{03}\n\u{20}ratchetkeyhereprettyplease123456\u{10}\u{02}\"\nciphertext".utf8)
    let vodozemacMAC = Array("MACHEREE".utf8)

    // vodozemac src/olm/messages/mod.rs, tests "from_parts" and "from_json".
    let preKeyBody = "AwoghAEuxPZ+w7M3pgUae4tDNiggUpOsQ/zci457VAtiAEYSIO3xOKRDBWKicIfxjSmYCYZ9DD4RMLjvvclbMlE5"
        + "yIEWGiApLrCr853CKlPpW4Bi7S8ykRcejJ0lq7AfYLXKCjKdHSJPAwoghw3+P+cajhWj9Qzp5g87h+tbpiuh5wEa"
        + "eUppqmWqug4QASIgRhZ2cgZcIWQbIa23R7U4y1Mo1R/tLCaMU+xjzRV5smGsCrJ6AHwktg"
    let preKeyCiphertext: [UInt8] = [70, 22, 118, 114, 6, 92, 33, 100, 27, 33, 173, 183, 71, 181, 56, 203,
                                     83, 40, 213, 31, 237, 44, 38, 140, 83, 236, 99, 205, 21, 121, 178, 97]
    let normalBody = "AwogI7JhE/UsMZqXKb3xV6kUZWoJc6jTm2+AIgWYmaETIR0QASIQ+X2zb7kEX/3JvoLspcNBcLWOFXYpV0nS"
    let normalCiphertext: [UInt8] = [249, 125, 179, 111, 185, 4, 95, 253, 201, 190, 130, 236, 165, 195, 65, 112]

    @Test func aNormalMessageIsLaidOutAsTheSpecificationSays() throws {
        #expect(OlmNormalMessage.authenticatedBytes(ratchetKey: ratchetKey, chainIndex: 2,
                                                    ciphertext: Array("ciphertext".utf8)) == vodozemacMessage)
        let decoded = try OlmNormalMessage(bytes: vodozemacMessage + vodozemacMAC)
        #expect(decoded.ratchetKey == ratchetKey)
        #expect(decoded.chainIndex == 2)
        #expect(decoded.ciphertext == Array("ciphertext".utf8))
        #expect(decoded.bytes == vodozemacMessage + vodozemacMAC)
    }

    @Test func vodozemacsPublishedMessagesDecodeAndReencodeIdentically() throws {
        let preKey = try OlmMessage(type: 0, body: preKeyBody)
        guard case .preKey(let message) = preKey else { Issue.record("not a pre-key message"); return }
        #expect(message.message.ciphertext == preKeyCiphertext)
        #expect(preKey.body == preKeyBody && preKey.type == 0)
        let normal = try OlmMessage(type: 1, body: normalBody)
        guard case .normal(let inner) = normal else { Issue.record("not a normal message"); return }
        #expect(inner.ciphertext == normalCiphertext && inner.chainIndex == 1)
        #expect(normal.body == normalBody && normal.type == 1)
    }

    /// vodozemac 0.10.0's encryption of "It's a secret to everybody" from the state of
    /// `fixedStateSession()` (Reference/olm_reference.py `fixed_session`, then `encrypt`).
    let fixedStateBody = "AwogBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYSIAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE"
        + "GiAFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBSJPAwogzo060cy2M+x7cMF4FKXHbs0CloUFDTRHRboFhw5YfVkQ"
        + "ACIgCmL8iephc5Egz1DWiRo3TsJ3lYD/p9vQAg0gGXBwQY3ob163YDBMIA"

    @Test func theSameStateEncryptsToVodozemacsBytes() throws {
        let session = try fixedStateSession()
        #expect(session.sessionID == "5OhjvnB554OoKEJrr323vbd+c43zWEscy//x0yFkLRo")
        let message = try session.encrypt(Array("It's a secret to everybody".utf8))
        #expect(message.type == 0 && message.body == fixedStateBody)
    }

    @Test func truncatedAndUnknownEncodingsAreRefused() {
        // vodozemac's "from_bytes_too_short" and "from_bytes_decoding_error" inputs.
        #expect(throws: CryptoError.malformed("Olm message too short")) { try OlmNormalMessage(bytes: [3, 0, 0, 0, 0, 0, 0, 0, 0]) }
        #expect(throws: CryptoError.malformed("varint cut short")) { try OlmNormalMessage(bytes: [3, 0, 0, 0, 0, 0, 0, 0, 0, 0]) }
        // Version 4 (untruncated MAC) is vodozemac's experimental format, not Matrix's.
        #expect(throws: CryptoError.unsupportedVersion(4)) { try OlmNormalMessage(bytes: [4] + vodozemacMessage.dropFirst() + vodozemacMAC) }
        #expect(throws: CryptoError.unsupportedVersion(2)) { try OlmPreKeyMessage(bytes: [2, 0x0A, 0]) }
        #expect(throws: CryptoError.malformed("empty Olm message")) { try OlmNormalMessage(bytes: []) }
        #expect(throws: CryptoError.malformed("unknown Olm message type 2")) { try OlmMessage(type: 2, body: normalBody) }
        #expect(throws: CryptoError.badBase64) { try OlmMessage(type: 1, body: "not base64!") }
        let shortKey = Array("\u{03}\n\u{05}short\u{10}\u{02}\"\nciphertext".utf8) + vodozemacMAC
        #expect(throws: CryptoError.malformed("Olm message without a valid ratchet key")) { try OlmNormalMessage(bytes: shortKey) }
        let noIndex = Array("\u{03}\n\u{20}ratchetkeyhereprettyplease123456\"\nciphertext".utf8) + vodozemacMAC
        #expect(throws: CryptoError.malformed("Olm message without a chain index")) { try OlmNormalMessage(bytes: noIndex) }
        #expect(throws: CryptoError.malformed("Olm message too long")) { try OlmMessage(type: 1, body: String(repeating: "A", count: 200_000)) }
    }

    @Test func aPreKeyMessageNeedsAllThreeKeys() throws {
        guard case .preKey(let message) = try OlmMessage(type: 0, body: preKeyBody) else { Issue.record("not a pre-key message"); return }
        var writer = ProtoWriter(bytes: [3])
        writer.lengthDelimited(1, message.sessionKeys.oneTimeKey)
        writer.lengthDelimited(3, message.sessionKeys.identityKey)
        writer.lengthDelimited(4, message.message.bytes)
        #expect(throws: CryptoError.malformed("pre-key message without a valid base key")) { try OlmPreKeyMessage(bytes: writer.bytes) }
    }

    /// libolm tests/test_olm_decrypt.cpp (also goolm's TestDecrypts): inputs, as the base64
    /// text handed to olm_decrypt, that once crashed libolm. The first is a cut-off message,
    /// the others are not base64 at all.
    @Test(arguments: [("41776f", false), ("7fff6f0101346d671201", true),
                      ("ee776f41496f674177804177778041776f6716670a677d6f670a67c2677d", true),
                      ("e9e9c9c1e9e9c9e9c9c1e9e9c9c1", true)])
    func libolmsCrashInputsAreRefused(hex: String, notBase64: Bool) throws {
        let bytes = stride(from: 0, to: hex.count, by: 2).map { offset -> UInt8 in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)!
        }
        let body = String(decoding: bytes, as: UTF8.self)
        let pair = try OlmPair()
        let bob = try pair.bobSession()
        for type in [0, 1] {
            let error = #expect(throws: CryptoError.self) { try bob.decrypt(OlmMessage(type: type, body: body)) }
            if notBase64 {
                #expect(error == .badBase64)
            } else if case .malformed = error {
            } else {
                Issue.record("expected a malformed message, got \(String(describing: error))")
            }
            #expect(throws: CryptoError.self) { try OlmPreKeyMessage(bytes: bytes) }
            #expect(throws: CryptoError.self) { try OlmNormalMessage(bytes: bytes) }
        }
        // The session is unharmed.
        #expect(try bob.receive(try pair.aliceSession.send("still here")) == "still here")
    }

    @Test func randomAndMutatedBytesNeverCrashTheDecoders() throws {
        var generator = SystemRandomNumberGenerator()
        let valid = try Array(UnpaddedBase64.decode(preKeyBody))
        var refused = 0
        for round in 0..<5000 {
            var bytes: [UInt8]
            if round % 2 == 0 {
                bytes = (0..<Int.random(in: 0...200, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            } else {
                bytes = valid
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
                }
            }
            if (try? OlmPreKeyMessage(bytes: bytes)) == nil { refused += 1 }
            if (try? OlmNormalMessage(bytes: bytes)) == nil { refused += 1 }
        }
        // Random bytes are almost never a valid message; the point is that none crashed.
        #expect(refused > 5000)
    }
}
