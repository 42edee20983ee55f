import Foundation

extension JSONScanner {
    /// The next string value.
    mutating func string() throws -> String {
        guard peek() == UInt8(ascii: "\"") else { throw fail("expected a string") }
        return string(of: try scanString())
    }

    /// Steps over a string (the index is on its opening quote) and says where its text lies.
    mutating func scanString() throws -> Key {
        let start = index + 1
        var escaped = false
        var i = start
        while true {
            i = Self.nextSpecial(bytes, from: i)
            guard i < bytes.count else { break }
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") {
                index = i + 1
                return Key(start: start, end: i, escaped: escaped)
            }
            guard byte == UInt8(ascii: "\\") else {
                index = i
                throw fail("control character in a string")
            }
            escaped = true
            i += 2
        }
        index = i
        throw fail("unterminated string")
    }

    /// Where the next quote, backslash or control byte lies from `start` (the end when none),
    /// eight bytes at a time: message bodies are long runs of plain text.
    @inline(__always)
    static func nextSpecial(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        if let base = bytes.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while i + 8 <= bytes.count {
                // Byte 0 in the low bits, whatever the machine's order.
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                let quote = word ^ (ones &* 0x22)
                let backslash = word ^ (ones &* 0x5C)
                // A byte's high bit survives `(x - 1) & ~x` where x is zero (below 0x20 for the last
                // term); the lowest one flagged is always exact, so it is where the special byte is.
                let special = (((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word)) & highs
                if special != 0 { return i + special.trailingZeroBitCount >> 3 }
                i += 8
            }
        }
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { return i }
            i += 1
        }
        return i
    }

    /// The text of a scanned string; invalid UTF-8 is repaired rather than refused.
    func string(of key: Key) -> String {
        let raw = UnsafeBufferPointer(rebasing: bytes[key.start..<key.end])
        guard key.escaped else { return String(decoding: raw, as: UTF8.self) }
        return Self.unescape(raw)
    }

    /// Resolves `\n`, `\"`, `\uXXXX` (with surrogate pairs; a lone surrogate becomes U+FFFD).
    static func unescape(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        // An escape never grows the text, but for a `\u` cut off at the very end (2 bytes in,
        // 3 out): four spare bytes cover it. The string is repaired where the bytes are not UTF-8.
        String(unsafeUninitializedCapacity: raw.count + 4) { out in
            var writer = UTF8Writer(out: out)
            var i = 0
            while i < raw.count {
                // The run up to the next backslash is copied as it is.
                var end = i
                while end < raw.count, raw[end] != UInt8(ascii: "\\") { end += 1 }
                writer.append(UnsafeBufferPointer(rebasing: raw[i..<end]))
                i = end
                guard i < raw.count else { break }
                guard i + 1 < raw.count else {
                    writer.append(raw[i])
                    break
                }
                let code = raw[i + 1]
                i += 2
                switch code {
                case UInt8(ascii: "n"): writer.append(0x0A)
                case UInt8(ascii: "t"): writer.append(0x09)
                case UInt8(ascii: "r"): writer.append(0x0D)
                case UInt8(ascii: "b"): writer.append(0x08)
                case UInt8(ascii: "f"): writer.append(0x0C)
                case UInt8(ascii: "u"): writer.appendScalar(escapedScalar(raw, at: &i))
                default: writer.append(code)
                }
            }
            return writer.count
        }
    }

    /// The scalar of a `\uXXXX` whose hex digits start at `i` (a pair read whole), moving past it;
    /// U+FFFD for bad digits or a lone surrogate.
    static func escapedScalar(_ raw: UnsafeBufferPointer<UInt8>, at i: inout Int) -> UInt32 {
        var scalar = hex4(raw, at: i) ?? 0xFFFD
        i += 4
        if (0xD800..<0xDC00).contains(scalar) {
            if i + 1 < raw.count, raw[i] == UInt8(ascii: "\\"), raw[i + 1] == UInt8(ascii: "u"),
               let low = hex4(raw, at: i + 2), (0xDC00..<0xE000).contains(low) {
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                i += 6
            } else {
                scalar = 0xFFFD
            }
        } else if (0xDC00..<0xE000).contains(scalar) {
            scalar = 0xFFFD
        }
        return scalar
    }

    /// Writes bytes into a string's uninitialised storage.
    struct UTF8Writer {
        let out: UnsafeMutableBufferPointer<UInt8>
        var count = 0

        mutating func append(_ byte: UInt8) {
            precondition(count < out.count)
            out[count] = byte
            count += 1
        }

        mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
            guard let source = run.baseAddress, !run.isEmpty, let target = out.baseAddress else { return }
            precondition(count + run.count <= out.count)
            (target + count).update(from: source, count: run.count)
            count += run.count
        }

        mutating func appendScalar(_ scalar: UInt32) {
            switch scalar {
            case ..<0x80: append(UInt8(scalar))
            case ..<0x800:
                append(UInt8(0xC0 | scalar >> 6))
                append(UInt8(0x80 | scalar & 0x3F))
            case ..<0x10000:
                append(UInt8(0xE0 | scalar >> 12))
                append(UInt8(0x80 | scalar >> 6 & 0x3F))
                append(UInt8(0x80 | scalar & 0x3F))
            default:
                append(UInt8(0xF0 | scalar >> 18))
                append(UInt8(0x80 | scalar >> 12 & 0x3F))
                append(UInt8(0x80 | scalar >> 6 & 0x3F))
                append(UInt8(0x80 | scalar & 0x3F))
            }
        }
    }

    static func hex4(_ raw: UnsafeBufferPointer<UInt8>, at start: Int) -> UInt32? {
        guard start + 4 <= raw.count else { return nil }
        var value: UInt32 = 0
        for byte in raw[start..<start + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// A number: `.int` when it is written as a whole number that fits 64 bits, else `.double`.
    mutating func number() throws -> JSONValue {
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let digitsStart = index
        var magnitude: UInt64 = 0
        var overflow = false
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            let (times, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(UInt64(bytes[index] - UInt8(ascii: "0")))
            magnitude = sum
            overflow = overflow || o1 || o2
            index += 1
        }
        guard index > digitsStart else { throw fail("expected a value") }
        if bytes[digitsStart] == UInt8(ascii: "0"), index - digitsStart > 1 { throw fail("leading zero") }
        var whole = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            whole = false
            index += 1
            try digits()
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            whole = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            try digits()
        }
        let negative = digitsStart > start
        if whole, !overflow {
            if !negative, magnitude <= UInt64(Int64.max) { return .int(Int64(magnitude)) }
            if negative, magnitude <= UInt64(Int64.max) + 1 { return .int(magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude)) }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        // `JSONDecoder` refuses a number beyond the range of a Double (`1e400`), so this does too.
        guard let double = Double(text), double.isFinite else { throw fail("unreadable number") }
        // Foundation reads `1e3` or `2.0` as a whole number too, when it is exactly one.
        if double.rounded() == double, abs(double) < 9.2e18 { return .int(Int64(double)) }
        return .double(double)
    }

    private mutating func digits() throws {
        let start = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        if index == start { throw fail("expected digits") }
    }
}
