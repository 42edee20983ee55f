// Tests for the Megolm specification: ratchet advance rules, message format, session sharing
// formats, decryption at later indexes, typed errors on hostile input, and pickling.

import Testing
@testable import MatrixCrypto

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

@Suite struct MegolmTests {
    @Test(arguments: [UInt32(1), 255, 256, 257, 65_535, 65_536, 70_000, 1 << 24])
    func jumpingAheadEqualsSteppingOneByOne(target: UInt32) throws {
        let start = try MegolmRatchet(bytes: (0..<128).map { UInt8($0) }, index: 0)
        var stepped = start
        // Stepping every index to 2^24 is slow; from 2^24 - 300 on, stepping covers the carry.
        if target > 100_000 { stepped.advance(to: target - 300) }
        while stepped.index < target { stepped.advance() }
        var jumped = start
        jumped.advance(to: target)
        #expect(jumped.index == target)
        #expect(jumped.bytes == stepped.bytes)
    }

    /// vodozemac's ratchet test vector: an all-zero ratchet run through a full 2^32 cycle
    /// (R_0 hashed 256 times, then R_1..R_3 derived from it).
    @Test func aFullCycleFromZeroMatchesVodozemacsVector() throws {
        var ratchet = try MegolmRatchet(bytes: [UInt8](repeating: 0, count: 128), index: 0)
        ratchet.advance(to: UInt32.max)
        ratchet.advance()
        #expect(ratchet.index == 0)
        #expect(ratchet.bytes == [
            23, 172, 138, 192, 105, 192, 252, 68, 21, 200, 237, 19, 27, 183, 164, 12, 173, 228,
            3, 7, 119, 230, 128, 217, 229, 92, 83, 216, 5, 131, 22, 188, 159, 163, 79, 138,
            227, 80, 19, 63, 163, 36, 116, 128, 80, 109, 235, 104, 121, 44, 74, 58, 219, 178,
            203, 250, 94, 173, 74, 141, 82, 227, 6, 151, 162, 53, 4, 239, 5, 245, 68, 206, 102,
            23, 30, 198, 227, 138, 58, 111, 173, 151, 116, 218, 128, 12, 49, 14, 93, 134, 249,
            118, 99, 16, 135, 52, 150, 192, 182, 48, 229, 161, 247, 35, 208, 27, 40, 157, 250,
            63, 114, 74, 207, 133, 188, 44, 115, 220, 157, 154, 101, 220, 79, 250, 24, 205, 26,
            90,
        ])
    }

    @Test func jumpsComposeFromAnyStartingIndex() throws {
        var a = try MegolmRatchet(bytes: [UInt8](repeating: 9, count: 128), index: 0xFFFF)
        var b = a
        a.advance(to: 0x0101_0203)
        b.advance(to: 0x0100_FFFE)
        b.advance(to: 0x0101_0203)
        #expect(a.bytes == b.bytes)
    }

    @Test func anInboundSessionReadsEveryLaterMessageInAnyOrder() throws {
        let outbound = MegolmOutboundSession()
        let inbound = try MegolmInboundSession(sessionKey: outbound.sessionKey)
        #expect(inbound.sessionID == outbound.sessionID)
        #expect(inbound.isSigningKeyVerified)
        let messages = (0..<40).map { outbound.encrypt(bytes("message \($0)")) }
        for index in [39, 3, 0, 17, 38, 3] {
            let (plaintext, messageIndex) = try inbound.decrypt(messages[index])
            #expect(plaintext == bytes("message \(index)"))
            #expect(messageIndex == UInt32(index))
        }
    }

    @Test func aLateJoinerCannotReadEarlierMessages() throws {
        let outbound = MegolmOutboundSession()
        let early = outbound.encrypt(bytes("before"))
        let inbound = try MegolmInboundSession(sessionKey: outbound.sessionKey)
        #expect(inbound.firstKnownIndex == 1)
        #expect(throws: CryptoError.unknownMessageIndex) { try inbound.decrypt(early) }
        #expect(try inbound.decrypt(outbound.encrypt(bytes("after"))).plaintext == bytes("after"))
    }

    @Test func anExportedKeyAtAnIndexReadsFromThatIndexOn() throws {
        let outbound = MegolmOutboundSession()
        let full = try MegolmInboundSession(sessionKey: outbound.sessionKey)
        let messages = (0..<10).map { outbound.encrypt(bytes("m\($0)")) }
        let exported = try #require(full.exportKey(at: 6))
        let imported = try MegolmInboundSession(exportedKey: exported)
        #expect(imported.sessionID == outbound.sessionID)
        #expect(imported.firstKnownIndex == 6)
        #expect(!imported.isSigningKeyVerified)
        #expect(try imported.decrypt(messages[7]).plaintext == bytes("m7"))
        #expect(try imported.decrypt(messages[6]).plaintext == bytes("m6"))
        #expect(throws: CryptoError.unknownMessageIndex) { try imported.decrypt(messages[5]) }
        #expect(imported.exportKey(at: 2) == nil)
        #expect(full.exportKey(at: 0) == full.exportKeyAtFirstKnownIndex())
    }

    @Test func theWireFormatIsVersion3WithIndexCiphertextMacAndSignature() throws {
        let outbound = MegolmOutboundSession()
        for _ in 0..<300 { _ = outbound.encrypt([1]) }
        let message = try UnpaddedBase64.decode(outbound.encrypt(bytes("hello")))
        // Version 3, key 0x08, index 300 as a varint (0xAC 0x02), key 0x12, 16 bytes of AES.
        #expect(Array(message.prefix(6)) == [3, 0x08, 0xAC, 0x02, 0x12, 16])
        #expect(message.count == 6 + 16 + 8 + 64)
        let key = try UnpaddedBase64.decode(outbound.sessionKey)
        #expect(key.count == 229)
        #expect(Array(key.prefix(5)) == [2, 0, 0, 1, 45])
    }

    @Test func tamperedForeignOrTruncatedMessagesGetTypedErrors() throws {
        let outbound = MegolmOutboundSession()
        let inbound = try MegolmInboundSession(sessionKey: outbound.sessionKey)
        let good = try UnpaddedBase64.decode(outbound.encrypt(bytes("secret")))
        for position in [0, 1, 3, 10, good.count - 70, good.count - 1] {
            var bad = good
            bad[position] ^= 0x01
            #expect(throws: CryptoError.self) { try inbound.decrypt(UnpaddedBase64.encode(bad)) }
        }
        #expect(throws: CryptoError.badSignature) {
            try inbound.decrypt(MegolmOutboundSession().encrypt(bytes("other")))
        }
        for length in [0, 1, 5, 72, 73, 80] {
            #expect(throws: CryptoError.self) { try inbound.decrypt(UnpaddedBase64.encode(good.prefix(length))) }
        }
        #expect(throws: CryptoError.badBase64) { try inbound.decrypt("not base64!") }
        #expect(try inbound.decrypt(UnpaddedBase64.encode(good)).plaintext == bytes("secret"))
    }

    @Test func sessionKeysAreCheckedBeforeUse() throws {
        let outbound = MegolmOutboundSession()
        var key = try UnpaddedBase64.decode(outbound.sessionKey)
        key[20] ^= 1
        #expect(throws: CryptoError.badSignature) { try MegolmInboundSession(sessionKey: UnpaddedBase64.encode(key)) }
        #expect(throws: CryptoError.self) { try MegolmInboundSession(sessionKey: UnpaddedBase64.encode(key.prefix(100))) }
        #expect(throws: CryptoError.unsupportedVersion(1)) {
            try MegolmInboundSession(sessionKey: UnpaddedBase64.encode([1] + key.dropFirst()))
        }
        #expect(throws: CryptoError.self) { try MegolmInboundSession(exportedKey: outbound.sessionKey) }
    }

    @Test func pickledSessionsBehaveLikeTheOriginals() throws {
        let pickleKey = try PickleKey([UInt8](repeating: 3, count: 32))
        let outbound = MegolmOutboundSession()
        let inbound = try MegolmInboundSession(sessionKey: outbound.sessionKey)
        _ = try inbound.decrypt(outbound.encrypt(bytes("zero")))
        let sameOutbound = try MegolmOutboundSession(pickle: outbound.pickle(key: pickleKey), key: pickleKey)
        let sameInbound = try MegolmInboundSession(pickle: inbound.pickle(key: pickleKey), key: pickleKey)
        #expect(sameOutbound.sessionID == outbound.sessionID)
        #expect(sameOutbound.messageIndex == 1)
        #expect(sameInbound.firstKnownIndex == 0)
        #expect(try sameInbound.decrypt(sameOutbound.encrypt(bytes("one"))).plaintext == bytes("one"))
        #expect(try inbound.decrypt(outbound.encrypt(bytes("one again"))).messageIndex == 1)
        let otherKey = try PickleKey([UInt8](repeating: 4, count: 32))
        #expect(throws: CryptoError.wrongPickleKey) { try MegolmInboundSession(pickle: inbound.pickle(key: pickleKey), key: otherKey) }
        #expect(throws: CryptoError.wrongPickleKey) { try MegolmOutboundSession(pickle: outbound.pickle(key: pickleKey), key: otherKey) }
        #expect(!outbound.pickle(key: pickleKey).contains(outbound.sessionID))
    }

    @Test func descriptionsShowIdsAndIndexesOnly() throws {
        let outbound = MegolmOutboundSession()
        let key = outbound.sessionKey
        let inbound = try MegolmInboundSession(sessionKey: key)
        var dumps = ["", "", ""]
        dump(outbound, to: &dumps[0])
        dump(inbound, to: &dumps[1])
        dump(outbound.ratchet, to: &dumps[2])
        #expect(dumps[2].contains("index") && !dumps[2].contains("SymmetricKey"))
        for text in [String(describing: outbound), String(reflecting: inbound), String(describing: inbound)] + dumps.prefix(2) {
            #expect(text.contains(outbound.sessionID))
            #expect(!text.contains(String(key.dropFirst(8).prefix(40))))
        }
    }
}
