// Issue "Encrypted rooms" pickling requirement (the Olm and Megolm specifications leave the
// storage format to implementations): session state sealed with AES-256-GCM under a caller key.

import Crypto

/// The caller's 32-byte key under which every pickle is sealed.
public struct PickleKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    let key: SymmetricKey

    /// Exactly 32 bytes, or `.badKey`.
    public init(_ bytes: some Collection<UInt8>) throws(CryptoError) {
        guard bytes.count == 32 else { throw .badKey }
        key = SymmetricKey(data: Array(bytes))
    }

    /// A fresh random key, for callers that keep it elsewhere.
    public static func random() -> PickleKey {
        // A 32-byte SymmetricKey always makes a valid PickleKey.
        PickleKey(symmetric: SymmetricKey(size: .bits256))
    }

    private init(symmetric: SymmetricKey) {
        key = symmetric
    }

    public var description: String { "PickleKey(redacted)" }
    public var debugDescription: String { description }
}

/// Seals pickled state: version byte, then AES-GCM nonce, ciphertext and tag.
enum PickleBox {
    static let version: UInt8 = 1
    private static let overhead = 1 + 12 + 16

    static func seal(_ plaintext: [UInt8], key: PickleKey) -> [UInt8] {
        // AES-GCM with a 256-bit key and a random 96-bit nonce cannot fail.
        let box = try! AES.GCM.seal(plaintext, using: key.key, authenticating: [version])
        return [version] + Array(box.nonce) + Array(box.ciphertext) + Array(box.tag)
    }

    static func open(_ sealed: [UInt8], key: PickleKey) throws(CryptoError) -> [UInt8] {
        guard let first = sealed.first else { throw .malformed("empty pickle") }
        guard first == version else { throw .unsupportedVersion(first) }
        guard sealed.count >= overhead else { throw .malformed("pickle too short") }
        let nonceBytes = sealed[1..<13]
        let tag = sealed[(sealed.count - 16)...]
        let ciphertext = sealed[13..<(sealed.count - 16)]
        do {
            let box = try AES.GCM.SealedBox(nonce: AES.GCM.Nonce(data: nonceBytes), ciphertext: ciphertext, tag: tag)
            return Array(try AES.GCM.open(box, using: key.key, authenticating: [version]))
        } catch {
            throw .wrongPickleKey
        }
    }
}

/// Writes pickle fields: bytes, big-endian integers and length-prefixed byte strings.
struct PickleWriter {
    private(set) var bytes: [UInt8] = []

    mutating func u8(_ value: UInt8) {
        bytes.append(value)
    }

    mutating func bool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    mutating func u32(_ value: UInt32) {
        for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func u64(_ value: UInt64) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    /// A u32 length, then the bytes.
    mutating func bytes(_ value: some Collection<UInt8>) {
        u32(UInt32(value.count))
        bytes.append(contentsOf: value)
    }

    /// Bytes of a length both sides know (a key), without a length prefix.
    mutating func fixed(_ value: some Collection<UInt8>) {
        bytes.append(contentsOf: value)
    }

    /// Overwrites the plaintext pickle once it has been sealed.
    mutating func wipe() {
        bytes.withUnsafeMutableBytes { zeroize($0) }
    }
}

/// Reads pickle fields, refusing truncation, oversized lengths and trailing bytes.
struct PickleReader {
    /// The largest length-prefixed field accepted, so a corrupt length cannot allocate without bound.
    static let maxFieldLength = 1 << 20
    private var rest: ArraySlice<UInt8>

    init(_ bytes: [UInt8]) {
        rest = bytes[...]
    }

    mutating func u8() throws(CryptoError) -> UInt8 {
        try fixed(1)[0]
    }

    mutating func bool() throws(CryptoError) -> Bool {
        switch try u8() {
        case 0: false
        case 1: true
        default: throw .malformed("pickle boolean out of range")
        }
    }

    mutating func u32() throws(CryptoError) -> UInt32 {
        try fixed(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func u64() throws(CryptoError) -> UInt64 {
        try fixed(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// A u32 length (at most `maxCount`), then that many bytes.
    mutating func bytes(maxCount: Int = PickleReader.maxFieldLength) throws(CryptoError) -> [UInt8] {
        let count = Int(try u32())
        guard count <= maxCount else { throw .malformed("pickle field too long") }
        return try fixed(count)
    }

    mutating func fixed(_ count: Int) throws(CryptoError) -> [UInt8] {
        guard count >= 0, count <= rest.count else { throw .malformed("pickle cut short") }
        defer { rest = rest.dropFirst(count) }
        return Array(rest.prefix(count))
    }

    /// Call after the last field: leftover bytes mean a different format.
    func finish() throws(CryptoError) {
        guard rest.isEmpty else { throw .malformed("trailing bytes in pickle") }
    }
}
