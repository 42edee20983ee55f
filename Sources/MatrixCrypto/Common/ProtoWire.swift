// Olm specification "Message format" and Megolm specification "Message format": the
// protobuf-style key/value fields (varint and length-delimited) both message formats use.

/// One field read from a protobuf-style message body.
enum ProtoField: Equatable {
    case varint(field: Int, value: UInt64)
    case bytes(field: Int, value: ArraySlice<UInt8>)
}

/// Appends protobuf-style fields; the caller writes any version byte first.
struct ProtoWriter {
    var bytes: [UInt8] = []

    mutating func varint(_ field: Int, _ value: UInt64) {
        appendVarint(UInt64(field) << 3)
        appendVarint(value)
    }

    mutating func lengthDelimited(_ field: Int, _ value: some Collection<UInt8>) {
        appendVarint(UInt64(field) << 3 | 2)
        appendVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    private mutating func appendVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }
}

/// Reads protobuf-style fields one at a time, never past the end of its slice.
struct ProtoReader {
    private var rest: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) {
        rest = bytes
    }

    /// The next field, or nil at the end; wire types other than varint and bytes are malformed.
    mutating func next() throws(CryptoError) -> ProtoField? {
        guard !rest.isEmpty else { return nil }
        let key = try readVarint()
        let wireType = key & 7
        // Field numbers beyond 2^29 are not protobuf; refusing them keeps Int conversion safe.
        guard key >> 3 <= 0x1FFF_FFFF else { throw .malformed("field number too large") }
        let field = Int(key >> 3)
        switch wireType {
        case 0:
            return .varint(field: field, value: try readVarint())
        case 2:
            let length = try readVarint()
            guard length <= UInt64(rest.count) else { throw .malformed("field length past the end") }
            let start = rest.startIndex
            let end = start + Int(length)
            defer { rest = rest[end...] }
            return .bytes(field: field, value: rest[start..<end])
        default:
            throw .malformed("unsupported wire type \(wireType)")
        }
    }

    private mutating func readVarint() throws(CryptoError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        for count in 0..<10 {
            guard let byte = rest.first else { throw .malformed("varint cut short") }
            rest = rest.dropFirst()
            // The tenth byte may only carry the top bit of a 64-bit value.
            if count == 9 && byte > 1 { throw .malformed("varint too large") }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        throw .malformed("varint longer than 10 bytes")
    }
}
