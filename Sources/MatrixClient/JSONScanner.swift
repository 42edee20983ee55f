/// A JSON reader over UTF-8 bytes, one value at a time: the `/sync` body is read with it
/// straight into the bot's types, without the intermediate tree and the per-key errors of
/// `JSONDecoder` (most of the time of a catch-up batch went there).
struct JSONScanner {
    /// Foundation's decoder refuses deeper nesting too; it bounds the recursion on hostile input.
    static let maximumDepth = 512

    /// A malformed body: where and what.
    struct SyntaxError: Error, CustomStringConvertible {
        let offset: Int
        let reason: String
        var description: String { "invalid JSON at byte \(offset): \(reason)" }
    }

    /// An object's key as it stands in the body; compared without making a String.
    struct Key {
        let start: Int
        let end: Int
        let escaped: Bool
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var depth = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    func fail(_ reason: String) -> SyntaxError { SyntaxError(offset: index, reason: reason) }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// The next byte that is not whitespace, without consuming it; nil at the end.
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return index < bytes.count ? bytes[index] : nil
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws {
        guard peek() == byte else { throw fail("expected \(what)") }
        index += 1
    }

    /// Only whitespace may follow the top-level value.
    mutating func finish() throws {
        if peek() != nil { throw fail("unexpected data after the value") }
    }

    /// True, consuming it, when the next value is `null`.
    mutating func takeNull() throws -> Bool {
        guard peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw fail("unexpected end") }
        let start = word.utf8Start
        for offset in 0..<count where bytes[index + offset] != start[offset] { throw fail("unknown literal") }
        index += count
    }

    // MARK: objects and arrays

    mutating func enter(_ open: UInt8, _ what: String) throws {
        try expect(open, what)
        depth += 1
        if depth > Self.maximumDepth { throw fail("nested too deeply") }
    }

    /// Steps into an object; read its members with `nextKey(first:)`.
    mutating func beginObject() throws { try enter(UInt8(ascii: "{"), "an object") }

    /// The next member's key (its value comes next), or nil at the closing brace.
    mutating func nextKey(first: inout Bool) throws -> Key? {
        if peek() == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return nil
        }
        if !first {
            try expect(UInt8(ascii: ","), "',' or '}'")
            // Foundation's reader takes a comma before the closing brace too; so must this one.
            if peek() == UInt8(ascii: "}") { return try nextKey(first: &first) }
        }
        first = false
        guard peek() == UInt8(ascii: "\"") else { throw fail("expected a key") }
        let key = try scanString()
        try expect(UInt8(ascii: ":"), "':'")
        return key
    }

    /// Steps into an array; read its elements with `nextElement(first:)`.
    mutating func beginArray() throws { try enter(UInt8(ascii: "["), "an array") }

    /// True when another element follows, false at the closing bracket.
    mutating func nextElement(first: inout Bool) throws -> Bool {
        if peek() == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return false
        }
        if !first {
            try expect(UInt8(ascii: ","), "',' or ']'")
            if peek() == UInt8(ascii: "]") { return try nextElement(first: &first) }
        }
        first = false
        return true
    }

    func matches(_ key: Key, _ name: StaticString) -> Bool {
        if key.escaped { return string(of: key) == name.description }
        let count = name.utf8CodeUnitCount
        guard key.end - key.start == count else { return false }
        let start = name.utf8Start
        for offset in 0..<count where bytes[key.start + offset] != start[offset] { return false }
        return true
    }

    // MARK: values

    /// Whatever value comes next, as a tree.
    mutating func value() throws -> JSONValue {
        switch peek() {
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "{"):
            try beginObject()
            // Room for the few members most event objects have, so they are not rehashed as they grow.
            var object = [String: JSONValue](minimumCapacity: 3)
            var first = true
            while let key = try nextKey(first: &first) {
                // The first of two equal keys stands, as with `JSONDecoder`.
                let member = try value()
                let name = string(of: key)
                if object[name] == nil { object[name] = member }
            }
            return .object(object)
        case UInt8(ascii: "["):
            try beginArray()
            var array: [JSONValue] = []
            var first = true
            while try nextElement(first: &first) { array.append(try value()) }
            return .array(array)
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case .some: return try number()
        case nil: throw fail("unexpected end")
        }
    }

    /// Steps over the next value, checking its syntax, without building it.
    mutating func skipValue() throws {
        switch peek() {
        case UInt8(ascii: "\""): _ = try scanString()
        case UInt8(ascii: "{"):
            try beginObject()
            var first = true
            while try nextKey(first: &first) != nil { try skipValue() }
        case UInt8(ascii: "["):
            try beginArray()
            var first = true
            while try nextElement(first: &first) { try skipValue() }
        default: _ = try value()
        }
    }

    /// The next value when it is a string; nil (consumed) for any other value.
    mutating func stringIfAny() throws -> String? {
        if peek() == UInt8(ascii: "\"") { return try string() }
        try skipValue()
        return nil
    }

    /// The next value when it is a whole number that fits 64 bits; nil (consumed) otherwise.
    mutating func integerIfAny() throws -> Int64? {
        if case .int(let value) = try value() { return value }
        return nil
    }
}
