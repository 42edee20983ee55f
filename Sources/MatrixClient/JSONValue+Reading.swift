import Foundation

extension JSONValue {
    /// Reads one JSON document from UTF-8 bytes with the byte-level reader `/sync` bodies go
    /// through (a decrypted event's plaintext costs a tenth of what `JSONDecoder` costs), refusing
    /// what `JSONDecoder` refuses and that reader would repair: bytes that are not UTF-8 and `\u`
    /// escapes of a lone surrogate. Throws on malformed JSON or anything after the value.
    public init(strictUTF8 bytes: [UInt8]) throws {
        guard String(validating: bytes, as: UTF8.self) != nil else { throw JSONScanner.SyntaxError(offset: 0, reason: "not UTF-8") }
        try Self.refuseLoneSurrogates(bytes)
        self = try bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            let value = try scanner.value()
            try scanner.finish()
            return value
        }
    }

    /// Every `\uD800`–`\uDBFF` must be followed by a `\uDC00`–`\uDFFF`, and no low half may stand
    /// alone. Escapes only occur inside strings in valid JSON, so the bytes are read in order.
    private static func refuseLoneSurrogates(_ bytes: [UInt8]) throws {
        func unit(at index: Int) -> UInt32? {
            guard index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else { return nil }
            return UInt32(String(decoding: bytes[(index + 2)..<(index + 6)], as: UTF8.self), radix: 16)
        }
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            guard let code = unit(at: index) else {
                index += 2
                continue
            }
            switch code {
            case 0xD800...0xDBFF:
                guard let low = unit(at: index + 6), (0xDC00...0xDFFF).contains(low) else {
                    throw JSONScanner.SyntaxError(offset: index, reason: "lone surrogate")
                }
                index += 12
            case 0xDC00...0xDFFF:
                throw JSONScanner.SyntaxError(offset: index, reason: "lone surrogate")
            default:
                index += 6
            }
        }
    }
}
