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

    /// libolm's test_megolm.cpp vectors: ratchet "0123456789ABCDEF" × 8 at index 0, advanced
    /// once, then to 0x1000000, then to 0x1041506.
    @Test func libolmsAdvanceVectorsAreReproduced() throws {
        var ratchet = try MegolmRatchet(bytes: Array(String(repeating: "0123456789ABCDEF", count: 8).utf8), index: 0)
        let tail: [UInt8] = [0xba, 0x9c, 0xd9, 0x55, 0x74, 0x1d, 0x1c, 0x16, 0x23, 0x23, 0xec, 0x82, 0x5e, 0x7c, 0x5c, 0xe8,
                             0x89, 0xbb, 0xb4, 0x23, 0xa1, 0x8f, 0x23, 0x82, 0x8f, 0xb2, 0x09, 0x0d, 0x6e, 0x2a, 0xf8, 0x6a]
        var stepped = ratchet
        stepped.advance()
        ratchet.advance(to: 1)
        #expect(stepped.bytes == ratchet.bytes)
        #expect(ratchet.bytes == Array(String(repeating: "0123456789ABCDEF", count: 6).utf8) + tail)
        ratchet.advance(to: 0x100_0000)
        let expected2: [UInt8] = [
            0x54, 0x02, 0x2d, 0x7d, 0xc0, 0x29, 0x8e, 0x16, 0x37, 0xe2, 0x1c, 0x97, 0x15, 0x30, 0x92, 0xf9,
            0x33, 0xc0, 0x56, 0xff, 0x74, 0xfe, 0x1b, 0x92, 0x2d, 0x97, 0x1f, 0x24, 0x82, 0xc2, 0x85, 0x9c,
            0x70, 0x04, 0xc0, 0x1e, 0xe4, 0x9b, 0xd6, 0xef, 0xe0, 0x07, 0x35, 0x25, 0xaf, 0x9b, 0x16, 0x32,
            0xc5, 0xbe, 0x72, 0x6d, 0x12, 0x34, 0x9c, 0xc5, 0xbd, 0x47, 0x2b, 0xdc, 0x2d, 0xf6, 0x54, 0x0f,
            0x31, 0x12, 0x59, 0x11, 0x94, 0xfd, 0xa6, 0x17, 0xe5, 0x68, 0xc6, 0x83, 0x10, 0x1e, 0xae, 0xcd,
            0x7e, 0xdd, 0xd6, 0xde, 0x1f, 0xbc, 0x07, 0x67, 0xae, 0x34, 0xda, 0x1a, 0x09, 0xa5, 0x4e, 0xab,
        ] + tail
        #expect(ratchet.bytes == expected2)
        ratchet.advance(to: 0x104_1506)
        #expect(ratchet.index == 0x104_1506)
        #expect(ratchet.bytes == Array(expected2.prefix(32)) + [
            0x55, 0x58, 0x8d, 0xf5, 0xb7, 0xa4, 0x88, 0x78, 0x42, 0x89, 0x27, 0x86, 0x81, 0x64, 0x58, 0x9f,
            0x36, 0x63, 0x44, 0x7b, 0x51, 0xed, 0xc3, 0x59, 0x5b, 0x03, 0x6c, 0xa6, 0x04, 0xc4, 0x6d, 0xcd,
            0x5c, 0x54, 0x85, 0x0b, 0xfa, 0x98, 0xa1, 0xfd, 0x79, 0xa9, 0xdf, 0x1c, 0xbe, 0x8f, 0xc5, 0x68,
            0x19, 0x37, 0xd3, 0x0c, 0x85, 0xc8, 0xc3, 0x1f, 0x7b, 0xb8, 0x28, 0x81, 0x6c, 0xf9, 0xff, 0x3b,
            0x95, 0x6c, 0xbf, 0x80, 0x7e, 0x65, 0x12, 0x6a, 0x49, 0x55, 0x8d, 0x45, 0xc8, 0x4a, 0x2e, 0x4c,
            0xd5, 0x6f, 0x03, 0xe2, 0x44, 0x16, 0xb9, 0x8e, 0x1c, 0xfd, 0x97, 0xc2, 0x06, 0xaa, 0x90, 0x7a,
        ])
    }

    /// libolm's wrap-around cases: from 0xFFFFFFFF to 0x1000000 equals from 0 to 0x2000000, and
    /// going "back" from 1 to 0 is a full cycle, however it is split.
    @Test func indexesWrapModulo2To32AsInLibolm() throws {
        let data = Array(String(repeating: "0123456789ABCDEF", count: 8).utf8)
        var wrapped = try MegolmRatchet(bytes: data, index: 0xFFFF_FFFF)
        wrapped.advance(to: 0x100_0000)
        var straight = try MegolmRatchet(bytes: data, index: 0)
        straight.advance(to: 0x200_0000)
        #expect(wrapped.bytes == straight.bytes)
        var viaHalf = try MegolmRatchet(bytes: data, index: 1)
        viaHalf.advance(to: 0x8000_0000)
        viaHalf.advance(to: 0)
        var direct = try MegolmRatchet(bytes: data, index: 1)
        direct.advance(to: 0)
        #expect(viaHalf.index == 0 && viaHalf.bytes == direct.bytes)
        var cycle = try MegolmRatchet(bytes: [UInt8](repeating: 0, count: 128), index: 1)
        cycle.advance(to: 0)
        var stepped = try MegolmRatchet(bytes: [UInt8](repeating: 0, count: 128), index: 0)
        stepped.advance(to: UInt32.max)
        stepped.advance()
        #expect(cycle.bytes == stepped.bytes)
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
