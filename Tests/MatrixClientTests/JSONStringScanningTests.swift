import Foundation
@testable import MatrixClient
import Testing

/// Strings in a `/sync` body read to the text the sender wrote, whatever their escapes, length
/// or where a quote, backslash or control byte falls in the eight-byte steps of the reader.
@Suite struct JSONStringScanning {
    /// The text of the one JSON string `literal` (quotes included), read by the scanner.
    static func read(_ literal: String) throws -> String {
        let bytes = Array(literal.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            let text = try scanner.string()
            try scanner.finish()
            return text
        }
    }

    /// The same, from raw bytes (not necessarily UTF-8).
    static func read(bytes: [UInt8]) throws -> String {
        try bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            return try scanner.string()
        }
    }

    static let escaped: [(literal: String, text: String)] = [
        (#""l\u00e6rte n\u00e6ste""#, "lærte næste"),
        (#""\"citat\" \\ \/ \b\f\n\r\t""#, "\"citat\" \\ / \u{8}\u{C}\n\r\t"),
        (#""\ud83d\ude00 smil""#, "😀 smil"),
        (#""\uD83D\uDE00""#, "😀"),
        (#""lone \ud83d here""#, "lone \u{FFFD} here"),
        (#""low first \ude00\ud83d""#, "low first \u{FFFD}\u{FFFD}"),
        (#""high then text \ud83dx""#, "high then text \u{FFFD}x"),
        (#""high then bad low \ud83d\u0041""#, "high then bad low \u{FFFD}A"),
        (#""bad hex \uZZZZ!""#, "bad hex \u{FFFD}!"),
        (#""nul \u0000 end""#, "nul \u{0} end"),
        (#""\u0041\u00C5\u4e2d\uFFFF""#, "AÅ中\u{FFFF}"),
        (#""unknown \q escape""#, "unknown q escape"),
        (#""\\\\\\""#, "\\\\\\"),
        (#""""#, ""),
        (#""\u""#, "\u{FFFD}"),
        (#""\u12""#, "\u{FFFD}"),
        (#""end \ud83d""#, "end \u{FFFD}"),
    ]

    @Test(arguments: escaped.indices) func resolvesEscapes(_ index: Int) throws {
        #expect(try Self.read(Self.escaped[index].literal) == Self.escaped[index].text)
    }

    /// Every special byte at every offset of strings of every length around the eight-byte step.
    @Test func findsEveryQuoteBackslashAndControlByte() throws {
        for length in 0..<40 {
            let plain = String(repeating: "a", count: length)
            #expect(try Self.read("\"" + plain + "\"") == plain)
            for offset in 0..<length {
                var chars = Array(plain)
                chars[offset] = "ø"
                let nonASCII = String(chars)
                #expect(try Self.read("\"" + nonASCII + "\"") == nonASCII)
                let withEscape = String(plain.prefix(offset)) + #"\n"# + String(plain.dropFirst(offset))
                #expect(try Self.read("\"" + withEscape + "\"") == String(plain.prefix(offset)) + "\n" + String(plain.dropFirst(offset)))
                let cut = "\"" + String(plain.prefix(offset)) + "\"" + String(plain.dropFirst(offset)) + "\""
                #expect(throws: JSONScanner.SyntaxError.self) { try Self.read(cut) }
                var control = Array(("\"" + plain + "\"").utf8)
                control[offset + 1] = 0x1F
                #expect(throws: JSONScanner.SyntaxError.self) { try Self.read(bytes: control) }
            }
            #expect(throws: JSONScanner.SyntaxError.self) { try Self.read("\"" + plain) }
            #expect(throws: JSONScanner.SyntaxError.self) { try Self.read("\"" + plain + "\\\"") }
        }
    }

    @Test func repairsBytesThatAreNotUTF8() throws {
        let plain: [UInt8] = [0x22, 0x61, 0xFF, 0x62, 0xC3, 0x22]
        #expect(try Self.read(bytes: plain) == "a\u{FFFD}b\u{FFFD}")
        let escaped: [UInt8] = [0x22, 0xE2, 0x82, 0x5C, 0x6E, 0xFE, 0x5C, 0x75, 0x30, 0x30, 0x65, 0x36, 0x22]
        #expect(try Self.read(bytes: escaped) == "\u{FFFD}\n\u{FFFD}æ")
    }

    @Test func readsHugeStringsWhole() throws {
        let long = String(repeating: "næste dosis 😀 ", count: 70_000)
        let literal = String(decoding: try JSONEncoder().encode(long), as: UTF8.self)
        #expect(try Self.read(literal) == long)
        let escapedLong = String(repeating: #"\u00e6\ud83d\ude00\"x"#, count: 100_000)
        #expect(try Self.read("\"" + escapedLong + "\"") == String(repeating: "æ😀\"x", count: 100_000))
    }

    @Test func readsWhatJSONSerializationReads() throws {
        let samples = ["plain", "tab\there", "quote\"and\\slash", "ünïcødé 中文 😀👩‍⚕️", "\u{0}\u{1F}\u{7F}", "<b>&amp;</b>",
                       String(repeating: "\\\"", count: 33)]
        for sample in samples {
            let literal = String(decoding: try JSONSerialization.data(withJSONObject: [sample], options: [.fragmentsAllowed]), as: UTF8.self)
            let array = try Array(literal.utf8).withUnsafeBufferPointer { buffer in
                var scanner = JSONScanner(buffer)
                return try scanner.value()
            }
            #expect(array == .array([.string(sample)]))
        }
    }

    @Test func refusesNestingDeeperThanTheLimit() throws {
        let deep = String(repeating: "{\"a\":", count: 600) + "1" + String(repeating: "}", count: 600)
        #expect(throws: JSONScanner.SyntaxError.self) {
            try Array(deep.utf8).withUnsafeBufferPointer { buffer in
                var scanner = JSONScanner(buffer)
                _ = try scanner.value()
            }
        }
        let fine = String(repeating: "[", count: 500) + "\"x\\n\"" + String(repeating: "]", count: 500)
        let value = try Array(fine.utf8).withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            return try scanner.value()
        }
        var innermost = value
        while case .array(let inner) = innermost, let first = inner.first { innermost = first }
        #expect(innermost == .string("x\n"))
    }
}
