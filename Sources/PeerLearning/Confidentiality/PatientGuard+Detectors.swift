import Foundation

// The expressions are compiled once; an NSRegularExpression is immutable and safe to share
// between threads, which the compiler cannot see, hence `nonisolated(unsafe)`.
extension PatientGuard {
    /// Ten digits, optionally split 6+4 by one hyphen or space, not part of a longer number.
    nonisolated(unsafe) static let cprExpression = try! NSRegularExpression(
        pattern: #"(?<![0-9])([0-9]{6})[- ]?([0-9]{4})(?![0-9])"#)

    /// A title as a whole word (any case, full stop optional), then a capitalised name of up
    /// to three words; later words need a lower-case letter, so "I" or "OK" never join a name,
    /// and a later word is never a title ("hr. Jensen Mrs. Brown" is two names) nor a place
    /// word ("Mr Brown Stue 8" is a name and a bed).
    nonisolated(unsafe) static let titledNameExpression = try! NSRegularExpression(
        pattern: #"(?<![\p{L}\p{N}])"# + titles + #"\.?[ \t\u00A0]+"#
            + #"(\p{Lu}\p{L}*(?:[-'’]\p{Lu}\p{L}*)*(?:[ \u00A0](?!"# + titles + #"(?![\p{L}]))(?!"# + placeWords + #"(?![\p{L}]))\p{Lu}\p{Ll}+(?:-\p{Lu}\p{L}*)*){0,2})"#)

    private static let titles = "(?i:hr|fru|frk|mrs|mr|ms|miss)"
    private static let placeWords = "(?i:stue|seng|room|bed)"

    /// `stue`/`seng`/`room`/`bed` with a number (`nr.` allowed), optionally followed by a bed in that room.
    nonisolated(unsafe) static let bedExpression = try! NSRegularExpression(
        pattern: #"(?<![\p{L}\p{N}])"# + placeWords + bedNumber
            + #"(?:[ \t\u00A0]*,?[ \t\u00A0]*(?i:seng|bed)"# + bedNumber + ")?")

    private static let bedNumber = #"(?:[ \t\u00A0]*(?i:nr)\.?)?[ \t\u00A0]*[0-9]{1,4}[a-zA-Z]?(?![\p{L}\p{N}])"#

    static func cprNumbers(in text: String) -> [IdentifierSpan] {
        // Ten ASCII digits at least, or the expression cannot match: most messages skip it.
        guard asciiDigits(in: text, atLeast: 10) else { return [] }
        return matches(cprExpression, in: text).compactMap { match in
            guard let range = Range(match.range, in: text) else { return nil }
            let digits = text[range].compactMap(\.wholeNumberValue)
            return CPRDate.isValid(digits) ? IdentifierSpan(kind: .cpr, range: range) : nil
        }
    }

    func names(in text: String) -> [IdentifierSpan] {
        // A titled name starts with a capital (`\p{Lu}`, case-sensitive): most messages have none.
        guard Self.mayHoldCapital(text) else { return [] }
        return Self.matches(Self.titledNameExpression, in: text).compactMap { match in
            guard let range = Range(match.range(at: 1), in: text) else { return nil }
            return isKnownPerson(text[range]) ? nil : IdentifierSpan(kind: .name, range: range)
        }
    }

    static func beds(in text: String) -> [IdentifierSpan] {
        // A bed has an ASCII number.
        guard asciiDigits(in: text, atLeast: 1) else { return [] }
        return matches(bedExpression, in: text).compactMap { match in
            Range(match.range, in: text).map { IdentifierSpan(kind: .bed, range: $0) }
        }
    }

    func custom(in text: String) -> [IdentifierSpan] {
        patterns.flatMap { pattern in
            Self.matches(pattern, in: text).compactMap { match in
                guard match.range.length > 0, let range = Range(match.range, in: text) else { return nil }
                return IdentifierSpan(kind: .custom, range: range)
            }
        }
    }

    /// A name is someone's on the roster (or a supervisor's) when every word of it is a part of that one person's name.
    func isKnownPerson(_ name: Substring) -> Bool {
        let words = Self.nameParts(String(name))
        return !words.isEmpty && people.contains { words.isSubset(of: $0) }
    }

    /// Lower-cased name parts: "Anna-Marie Holm" and "anna_marie.holm" both give anna, marie, holm.
    static func nameParts(_ name: String) -> Set<String> {
        // An ASCII name (most of a roster) is split byte by byte: each byte is a whole
        // character there, and a letter is A–Z or a–z, so the result is the same.
        var parts = Set<String>()
        var word: [UInt8] = []
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): word.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte | 0x20)
            case 0x80...: return Set(name.lowercased().split(whereSeparator: { !$0.isLetterASCIIFirst }).map(String.init))
            default:
                if !word.isEmpty { parts.insert(String(decoding: word, as: UTF8.self)) }
                word.removeAll(keepingCapacity: true)
            }
        }
        if !word.isEmpty { parts.insert(String(decoding: word, as: UTF8.self)) }
        return parts
    }

    /// Whether `text` holds `count` or more of the digits 0–9 (the only ones `[0-9]` matches).
    static func asciiDigits(in text: String, atLeast count: Int) -> Bool {
        var found = 0
        for byte in text.utf8 where byte &- UInt8(ascii: "0") < 10 {
            found += 1
            if found >= count { return true }
        }
        return false
    }

    /// False only when no scalar of `text` can be an upper-case letter: every one is ASCII
    /// other than A–Z, or a Latin-1 scalar that is not a capital (U+0080–U+00BF, U+00DF–U+00FF,
    /// as `æøå`). Any other scalar is left to the expression, whatever its category.
    static func mayHoldCapital(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): return true
            case ..<0x80: continue
            case 0xC2:
                // U+0080–U+00BF: controls, signs and ª º µ, none of them a capital.
                guard let next = bytes.next(), (0x80...0xBF).contains(next) else { return true }
            case 0xC3:
                // U+00C0–U+00DE are the capitals (and ×); U+00DF–U+00FF are not.
                guard let next = bytes.next(), (0x9F...0xBF).contains(next) else { return true }
            default: return true
            }
        }
        return false
    }

    static func matches(_ expression: NSRegularExpression, in text: String) -> [NSTextCheckingResult] {
        expression.matches(in: text, range: NSRange(text.startIndex..., in: text))
    }
}

extension PatientGuard {
    /// Earliest first, the longer of two that start together; a span overlapping a kept one is
    /// joined to it (under the kept one's kind), so no part of either is ever left unmasked.
    static func withoutOverlaps(_ spans: [IdentifierSpan]) -> [IdentifierSpan] {
        let ordered = spans.sorted {
            $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound
                : $0.range.upperBound > $1.range.upperBound
        }
        var kept: [IdentifierSpan] = []
        for span in ordered {
            guard let last = kept.last, span.range.lowerBound < last.range.upperBound else {
                kept.append(span)
                continue
            }
            if span.range.upperBound > last.range.upperBound {
                kept[kept.count - 1] = IdentifierSpan(kind: last.kind, range: last.range.lowerBound..<span.range.upperBound)
            }
        }
        return kept
    }

    /// Other places where a found name or custom match appears again as the start of a word:
    /// once "hr. Jensen" gives him away, "Jensen" and "Jensens" elsewhere do too.
    static func echoes(of spans: [IdentifierSpan], in text: String) -> [IdentifierSpan] {
        var seen: Set<String> = []
        var echoes: [IdentifierSpan] = []
        for span in spans where span.kind == .name || span.kind == .custom {
            let needle = String(text[span.range])
            guard seen.insert(needle).inserted else { continue }
            var from = text.startIndex
            while let found = text.range(of: needle, range: from..<text.endIndex) {
                from = found.upperBound
                if found.lowerBound > text.startIndex {
                    let before = text[text.index(before: found.lowerBound)]
                    if before.isLetter || before.isNumber { continue }
                }
                if found != span.range { echoes.append(IdentifierSpan(kind: span.kind, range: found)) }
            }
        }
        return echoes
    }
}
