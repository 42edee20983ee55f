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
    }
}

extension PillNames.Entry {
    /// Whether `html` may hold this name. A byte search answers for an ASCII name in HTML
    /// without the three characters whose canonical form is ASCII (U+037E, U+1FEF, U+212A),
    /// since only those could match it without the same bytes; otherwise the answer is yes.
    func mayOccur(in html: [UInt8], byteSearchHolds: Bool) -> Bool {
        guard byteSearchHolds, needleBytes.allSatisfy({ $0 < 0x80 }), let first = needleBytes.first else { return true }
        let count = needleBytes.count
        guard html.count >= count else { return false }
        var index = 0
        let last = html.count - count
        while index <= last {
            if html[index] == first, html[index ..< index + count].elementsEqual(needleBytes) { return true }
            index += 1
        }
        return false
    }

    /// Whether a byte search of `html` finds every place an ASCII name matches as text.
    static func byteSearchHolds(in html: String) -> Bool {
        !html.unicodeScalars.contains { $0.value == 0x037E || $0.value == 0x1FEF || $0.value == 0x212A }
    }
}
