import PeerLearning

/// The roster's names ready to become pills: each name one person has, longest first, with its
/// escaped text and its pill, so a batch that names hundreds of people in hundreds of messages
/// prepares them once.
public struct PillNames: Sendable {
    struct Entry: Sendable {
        let needle: String
        let needleBytes: [UInt8]
        let pill: String
    }

    let entries: [Entry]
    /// Entries of ASCII names of four bytes or more, by their first four bytes: a message is
    /// scanned once for all of them. The others are always tried.
    let byFirstBytes: [UInt32: [Int]]
    /// One bit for each byte some key of `byFirstBytes` starts with: most places in a message
    /// start no name, and this tells so without hashing their four bytes.
    let firstByteMask: [UInt64]
    let alwaysTried: [Int]

    public init(_ people: [UserNames.Known]) {
        var owners: [String: Set<String>] = [:]
        for person in people where !person.name.isEmpty { owners[person.name, default: []].insert(person.userID) }
        // Longest first: once "Anna Hansen" is a pill, "Anna" inside it is shielded by the link.
        let counted = owners.map { (name: $0.key, length: $0.key.count, ids: $0.value) }
        entries = counted.sorted { ($0.length, $0.name) > ($1.length, $1.name) }.compactMap { owner in
            guard owner.ids.count == 1, let id = owner.ids.first else { return nil }
            let needle = HTML.escape(owner.name)
            return Entry(needle: needle, needleBytes: Array(needle.utf8), pill: HTML.pill(userID: id, name: owner.name))
        }
        var byFirstBytes: [UInt32: [Int]] = [:]
        var alwaysTried: [Int] = []
        for (index, entry) in entries.enumerated() {
            if entry.needleBytes.count >= 4, entry.needleBytes.allSatisfy({ $0 < 0x80 }) {
                byFirstBytes[Self.firstBytes(entry.needleBytes, at: 0), default: []].append(index)
            } else {
                alwaysTried.append(index)
            }
        }
        self.byFirstBytes = byFirstBytes
        var mask = [UInt64](repeating: 0, count: 4)
        for key in byFirstBytes.keys { mask[Int(key >> 30)] |= 1 << UInt64(key >> 24 & 63) }
        firstByteMask = mask
        self.alwaysTried = alwaysTried
    }

    static func firstBytes(_ bytes: [UInt8], at index: Int) -> UInt32 {
        UInt32(bytes[index]) << 24 | UInt32(bytes[index + 1]) << 16 | UInt32(bytes[index + 2]) << 8 | UInt32(bytes[index + 3])
    }

    /// Which entries `html` may hold, in entry order: with a byte search valid for it (see
    /// `Entry.byteSearchHolds`), the indexed names whose bytes occur in it and every other one;
    /// without, all of them.
    func candidates(in html: String) -> [Int] {
        guard Entry.byteSearchHolds(in: html) else { return Array(entries.indices) }
        let bytes = Array(html.utf8)
        var found = Set(alwaysTried)
        if bytes.count >= 4 {
            for index in 0 ... bytes.count - 4 {
                let first = bytes[index]
                guard firstByteMask[Int(first >> 6)] & 1 << UInt64(first & 63) != 0,
                      let indexed = byFirstBytes[Self.firstBytes(bytes, at: index)] else { continue }
                for entry in indexed where !found.contains(entry) {
                    let needle = entries[entry].needleBytes
                    if index + needle.count <= bytes.count, bytes[index ..< index + needle.count].elementsEqual(needle) {
                        found.insert(entry)
                    }
                }
            }
        }
        return found.sorted()
    }
}

extension PillNames.Entry {
    /// Whether a byte search of `html` finds every place an ASCII name matches as text: only
    /// three characters have an ASCII canonical form (U+037E, U+1FEF, U+212A), and only they
    /// could match such a name without its bytes.
    static func byteSearchHolds(in html: String) -> Bool {
        !html.unicodeScalars.contains { $0.value == 0x037E || $0.value == 0x1FEF || $0.value == 0x212A }
    }
}
