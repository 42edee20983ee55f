// Tests for the shared encodings: unpadded base64 (Matrix spec appendix), the protobuf-style
// fields of the Olm/Megolm message formats, and sealed pickles.

import Foundation
import Testing
@testable import MatrixCrypto

@Suite struct CommonTests {
    @Test func base64RoundTripsEveryLength() throws {
        let bytes = (0..<64).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        for length in 0...bytes.count {
            let prefix = Array(bytes.prefix(length))
            #expect(try UnpaddedBase64.decode(UnpaddedBase64.encode(prefix)) == prefix)
        }
    }

    @Test func base64MatchesTheRFCExamplesWithoutPadding() throws {
        #expect(UnpaddedBase64.encode(Array("foobar".utf8)) == "Zm9vYmFy")
        #expect(UnpaddedBase64.encode(Array("fooba".utf8)) == "Zm9vYmE")
        #expect(UnpaddedBase64.encode(Array("f".utf8)) == "Zg")
        #expect(try UnpaddedBase64.decode("Zg==") == Array("f".utf8))
        #expect(try UnpaddedBase64.decode("Zm8") == Array("fo".utf8))
    }

    @Test func base64AgreesWithFoundationOnRandomBytes() throws {
        var generator = SystemRandomNumberGenerator()
        for length in 0..<200 {
            let bytes = (0..<length).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            let padded = Data(bytes).base64EncodedString()
            let unpadded = String(padded.prefix { $0 != "=" })
            #expect(UnpaddedBase64.encode(bytes) == unpadded)
            #expect(try UnpaddedBase64.decode(unpadded) == bytes)
            #expect(try UnpaddedBase64.decode(padded) == bytes)
        }
    }

    @Test func base64RefusesAForeignSymbolAtEveryPosition() {
        let good = UnpaddedBase64.encode(Array(0..<32 as Range<UInt8>))
        for position in good.indices {
            for foreign: Character in ["-", "_", " ", "=", "\u{0}", "é"] {
                var bad = good
                bad.replaceSubrange(position...position, with: String(foreign))
                #expect(throws: CryptoError.badBase64, "\(foreign) at \(good.distance(from: good.startIndex, to: position))") {
                    try UnpaddedBase64.decode(bad)
                }
            }
        }
    }

    @Test func base64RefusesOtherAlphabetsAndBrokenPadding() {
        for bad in ["Zm9v-mFy", "Zm9v_mFy", "Z", "Zg=", "Z===", "Zm 9v", "é"] {
            #expect(throws: CryptoError.badBase64) { try UnpaddedBase64.decode(bad) }
        }
    }

    @Test func protoFieldsRoundTrip() throws {
        var writer = ProtoWriter()
        writer.varint(8, 300)
        writer.lengthDelimited(18, [1, 2, 3])
        writer.varint(1, UInt64.max)
        var reader = ProtoReader(writer.bytes[...])
        #expect(try reader.next() == .varint(field: 8, value: 300))
        #expect(try reader.next() == .bytes(field: 18, value: [1, 2, 3][...]))
        #expect(try reader.next() == .varint(field: 1, value: UInt64.max))
        #expect(try reader.next() == nil)
    }

    @Test func protoRefusesOverlongVarintsAndLengthsPastTheEnd() {
        var longVarint = ProtoReader(([0x40] + [UInt8](repeating: 0xFF, count: 11))[...])
        #expect(throws: CryptoError.self) { try longVarint.next() }
        var pastEnd = ProtoReader([0x12, 0x05, 1, 2][...])
        #expect(throws: CryptoError.malformed("field length past the end")) { try pastEnd.next() }
        var hugeLength = ProtoReader([0x12, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F][...])
        #expect(throws: CryptoError.self) { try hugeLength.next() }
        var cutKey = ProtoReader([0x80][...])
        #expect(throws: CryptoError.malformed("varint cut short")) { try cutKey.next() }
    }

    @Test func pickleOpensOnlyUnderItsKey() throws {
        let key = try PickleKey([UInt8](repeating: 7, count: 32))
        let sealed = PickleBox.seal(Array("state".utf8), key: key)
        #expect(try PickleBox.open(sealed, key: key) == Array("state".utf8))
        let other = try PickleKey([UInt8](repeating: 8, count: 32))
        #expect(throws: CryptoError.wrongPickleKey) { try PickleBox.open(sealed, key: other) }
        var tampered = sealed
        tampered[tampered.count - 20] ^= 1
        #expect(throws: CryptoError.wrongPickleKey) { try PickleBox.open(tampered, key: key) }
        #expect(throws: CryptoError.unsupportedVersion(9)) { try PickleBox.open([9] + sealed.dropFirst(), key: key) }
        #expect(throws: CryptoError.self) { try PickleBox.open([1, 2, 3], key: key) }
        #expect(throws: CryptoError.badKey) { try PickleKey([UInt8](repeating: 1, count: 31)) }
    }

    @Test func pickleFieldsRefuseTruncationAndHugeLengths() throws {
        var writer = PickleWriter()
        writer.u8(5)
        writer.u32(0xDEAD_BEEF)
        writer.bytes([9, 9])
        writer.u64(42)
        var reader = PickleReader(writer.bytes)
        #expect(try reader.u8() == 5)
        #expect(try reader.u32() == 0xDEAD_BEEF)
        #expect(try reader.bytes() == [9, 9])
        #expect(try reader.u64() == 42)
        try reader.finish()
        var huge = PickleReader([0xFF, 0xFF, 0xFF, 0xFF])
        #expect(throws: CryptoError.malformed("pickle field too long")) { try huge.bytes() }
        var short = PickleReader([0, 0, 0, 5, 1])
        #expect(throws: CryptoError.malformed("pickle cut short")) { try short.bytes() }
    }

    @Test func secretsNeverShowInDescriptions() throws {
        let secret = SecretBytes([0x41, 0x42, 0x43])
        #expect(!String(describing: secret).contains("ABC"))
        #expect(!String(reflecting: secret).contains("65"))
        #expect(secret.bytes == [0x41, 0x42, 0x43])
        let key = try PickleKey([UInt8](repeating: 0x41, count: 32))
        #expect(String(describing: key) == "PickleKey(redacted)")
    }
}
