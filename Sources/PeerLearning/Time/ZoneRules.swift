import Foundation

/// The UTC offsets a place has used and will use, read from the IANA time zone database.
///
/// Kept apart from Foundation's `TimeZone` on purpose: that one is backed by ICU, whose tables
/// and code stay resident once touched, and a daemon that asks the time every second would pay
/// for them all day. These rules need only the TZif file the system already has (RFC 8536).
public struct ZoneRules: Sendable, Equatable, CustomStringConvertible {
    /// The IANA name, such as `Europe/Copenhagen`.
    public let identifier: String
    /// Instants (seconds since 1970, UTC) at which a new offset starts, ascending.
    let transitions: [Int64]
    /// The offset (seconds east of UTC) that starts at the transition with the same index.
    let offsets: [Int32]
    /// The offset before the first transition.
    let initialOffset: Int32
    /// The rule for every instant after the last transition, from the file's footer.
    let rule: PosixZoneRule?

    init(identifier: String, transitions: [Int64], offsets: [Int32], initialOffset: Int32, rule: PosixZoneRule?) {
        self.identifier = identifier
        self.transitions = transitions
        self.offsets = offsets
        self.initialOffset = initialOffset
        self.rule = rule
    }

    /// Coordinated Universal Time: no offset, ever.
    public static let utc = ZoneRules(identifier: "UTC", transitions: [], offsets: [], initialOffset: 0, rule: nil)

    public var description: String { identifier }

    /// Seconds east of UTC that clocks in this zone show at `date`.
    public func secondsFromGMT(for date: Date) -> Int {
        let instant = Int64((date.timeIntervalSince1970).rounded(.down))
        guard let first = transitions.first, instant >= first else {
            // Before the table (or a table with no changes): the footer rule when there is nothing
            // else to go by, the first recorded offset otherwise.
            if transitions.isEmpty, let rule { return rule.offset(at: instant) }
            return Int(initialOffset)
        }
        if let rule, instant >= transitions[transitions.count - 1] {
            return rule.offset(at: instant)
        }
        // The last transition at or before `instant`.
        var low = 0
        var high = transitions.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if transitions[middle] <= instant { low = middle } else { high = middle - 1 }
        }
        return Int(offsets[low])
    }
}

/// Why a TZif file could not be read.
public enum ZoneRulesError: Error, Equatable, CustomStringConvertible {
    case notTZif
    case truncated
    case badRule(String)

    public var description: String {
        switch self {
        case .notTZif: "not a TZif file"
        case .truncated: "the TZif file ends too early"
        case .badRule(let text): "the TZif footer rule \"\(text)\" cannot be read"
        }
    }
}

extension ZoneRules {
    /// Reads a TZif file (versions 1 to 4). Version 2 and later files are read from their
    /// 64-bit block and their footer rule; leap-second records are skipped.
    public init(tzif bytes: [UInt8], identifier: String) throws {
        var reader = TZifReader(bytes: bytes)
        let first = try reader.header()
        guard first.version >= 2 else {
            let block = try reader.block(first, timeSize: 4)
            self.init(identifier: identifier, block: block, rule: nil)
            return
        }
        try reader.skip(first.blockSize(timeSize: 4))
        let second = try reader.header()
        let block = try reader.block(second, timeSize: 8)
        let footer = reader.footer()
        var rule: PosixZoneRule?
        if let footer, !footer.isEmpty {
            guard let parsed = PosixZoneRule(footer) else { throw ZoneRulesError.badRule(footer) }
            rule = parsed
        }
        self.init(identifier: identifier, block: block, rule: rule)
    }

    private init(identifier: String, block: TZifReader.Block, rule: PosixZoneRule?) {
        let offsets = block.typeIndices.map { block.typeOffsets[Int($0)] }
        self.init(identifier: identifier, transitions: block.times, offsets: offsets,
                  initialOffset: block.typeOffsets.first ?? 0, rule: rule)
    }
}

/// Walks the bytes of a TZif file, big-endian as RFC 8536 has them.
private struct TZifReader {
    struct Header {
        var version: Int
        var isUTCCount, isStandardCount, leapCount, timeCount, typeCount, charCount: Int

        func blockSize(timeSize: Int) -> Int {
            timeCount * timeSize + timeCount + typeCount * 6 + charCount
                + leapCount * (timeSize + 4) + isStandardCount + isUTCCount
        }
    }

    struct Block {
        var times: [Int64]
        var typeIndices: [UInt8]
        var typeOffsets: [Int32]
    }

    let bytes: [UInt8]
    var position = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func header() throws -> Header {
        guard bytes.count >= position + 44, bytes[position..<position + 4].elementsEqual("TZif".utf8) else {
            throw ZoneRulesError.notTZif
        }
        let versionByte = bytes[position + 4]
        let version = versionByte == 0 ? 1 : Int(versionByte) - Int(UInt8(ascii: "0"))
        position += 20
        var counts: [Int] = []
        for _ in 0..<6 { counts.append(Int(try uint32())) }
        guard counts[4] >= 1 else { throw ZoneRulesError.notTZif }
        return Header(version: version, isUTCCount: counts[0], isStandardCount: counts[1], leapCount: counts[2],
                      timeCount: counts[3], typeCount: counts[4], charCount: counts[5])
    }

    mutating func block(_ header: Header, timeSize: Int) throws -> Block {
        guard bytes.count >= position + header.blockSize(timeSize: timeSize) else { throw ZoneRulesError.truncated }
        var times: [Int64] = []
        for _ in 0..<header.timeCount {
            times.append(timeSize == 8 ? Int64(bitPattern: try uint64()) : Int64(Int32(bitPattern: try uint32())))
        }
        let indices = Array(bytes[position..<position + header.timeCount])
        position += header.timeCount
        guard indices.allSatisfy({ Int($0) < header.typeCount }) else { throw ZoneRulesError.notTZif }
        var offsets: [Int32] = []
        for _ in 0..<header.typeCount {
            offsets.append(Int32(bitPattern: try uint32()))
            position += 2 // is-DST flag and abbreviation index: not needed for offsets
        }
        position += header.charCount + header.leapCount * (timeSize + 4) + header.isStandardCount + header.isUTCCount
        return Block(times: times, typeIndices: indices, typeOffsets: offsets)
    }

    mutating func skip(_ count: Int) throws {
        guard bytes.count >= position + count else { throw ZoneRulesError.truncated }
        position += count
    }

    /// The text between the two newlines that close a version 2+ file, if present.
    func footer() -> String? {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\n") else { return nil }
        guard let end = bytes[(position + 1)...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        return String(decoding: bytes[(position + 1)..<end], as: UTF8.self)
    }

    private mutating func uint32() throws -> UInt32 {
        guard bytes.count >= position + 4 else { throw ZoneRulesError.truncated }
        defer { position += 4 }
        return bytes[position..<position + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }

    private mutating func uint64() throws -> UInt64 {
        guard bytes.count >= position + 8 else { throw ZoneRulesError.truncated }
        defer { position += 8 }
        return bytes[position..<position + 8].reduce(0) { $0 << 8 | UInt64($1) }
    }
}
