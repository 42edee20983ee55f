// Matrix spec, Appendices, "Signing JSON" / "Canonical JSON": UTF-8, no insignificant
// whitespace, object keys sorted by code point, integers only, minimal string escaping.

/// A JSON value restricted to what canonical JSON can carry (no fractional numbers).
public enum JSONValue: Sendable, Equatable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The largest magnitude canonical JSON allows: integers in [-(2^53)+1, (2^53)-1].
    public static let maxSafeInteger: Int64 = (1 << 53) - 1
    /// Nesting beyond this is refused, so hostile input cannot exhaust the stack.
    public static let maxDepth = 64

    /// The object's members, or nil when the value is not an object.
    public var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { members } else { nil }
    }

    /// The string, or nil when the value is not a string.
    public var stringValue: String? {
        if case .string(let text) = self { text } else { nil }
    }
}

extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        guard decoder.codingPath.count <= JSONValue.maxDepth else {
            throw CryptoError.notCanonical("nested deeper than \(JSONValue.maxDepth)")
        }
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .int(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else if let value = try? container.decode([String: JSONValue].self) {
            self = .object(value)
        } else {
            // Exponent forms such as 1e10 are whole numbers; anything fractional is not canonical.
            let number = try container.decode(Double.self)
            guard number.rounded() == number, abs(number) <= Double(JSONValue.maxSafeInteger) else {
                throw CryptoError.notCanonical("fractional or out-of-range number")
            }
            self = .int(Int64(number))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

/// Writes a `JSONValue` in the Matrix canonical form, the bytes that are signed.
public enum CanonicalJSON {
    /// The canonical UTF-8 bytes of `value`.
    public static func encode(_ value: JSONValue) throws(CryptoError) -> [UInt8] {
        var out: [UInt8] = []
        try write(value, into: &out, depth: 0)
        return out
    }

    private static func write(_ value: JSONValue, into out: inout [UInt8], depth: Int) throws(CryptoError) {
        guard depth <= JSONValue.maxDepth else { throw .notCanonical("nested deeper than \(JSONValue.maxDepth)") }
        switch value {
        case .null: out += Array("null".utf8)
        case .bool(let flag): out += Array((flag ? "true" : "false").utf8)
        case .int(let number):
            guard abs(number) <= JSONValue.maxSafeInteger else { throw .notCanonical("integer out of range") }
            out += Array(String(number).utf8)
        case .string(let text): writeString(text, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                try write(item, into: &out, depth: depth + 1)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            // Code point order equals UTF-8 byte order, unlike Swift's String comparison.
            let sorted = members.map { (Array($0.key.utf8), $0.key, $0.value) }
                .sorted { $0.0.lexicographicallyPrecedes($1.0) }
            for (index, member) in sorted.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                writeString(member.1, into: &out)
                out.append(UInt8(ascii: ":"))
                try write(member.2, into: &out, depth: depth + 1)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Escapes only what JSON requires: quote, backslash and control characters.
    private static func writeString(_ text: String, into out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x00..<0x20:
                out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
