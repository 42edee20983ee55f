/// A positive length of time as people write it: `90m`, `1h30m`, `2h`, `45s`, `1d`, and in
/// words or Danish units: `90 min`, `1t30m`, `1 time`, `2 timer`, `1 time 30 min`.
public struct DurationSpec: Equatable, Sendable {
    public let seconds: Int

    /// The longest duration the bot accepts (a year and a day), so that no arithmetic on a
    /// user's number can overflow a calendar computation.
    public static let maximumSeconds = 366 * 86_400

    public init?(seconds: Int) {
        guard seconds > 0, seconds <= Self.maximumSeconds else { return nil }
        self.seconds = seconds
    }

    /// Reads a whole string as a duration; nil for empty, zero, too long or anything else.
    public static func parse(_ s: String) -> DurationSpec? {
        var cursor = ArgumentCursor(Substring(s))
        guard let spec = scan(&cursor), cursor.isAtEnd else { return nil }
        return spec
    }

    /// Consumes a duration from the cursor, word by word, leaving it untouched when there is
    /// none. Units go from days down to seconds, each at most once; a bare number needs its
    /// unit as the next word (`90 min`). Words that do not continue the duration stay.
    static func scan(_ cursor: inout ArgumentCursor) -> DurationSpec? {
        var parts = DurationParts()
        var accepted = cursor
        var probe = cursor
        while let word = probe.next() {
            guard parts.read(word) else { break }
            if parts.awaitingUnit { continue }
            accepted = probe
            parts.commit()
        }
        guard let total = parts.committed, let spec = DurationSpec(seconds: total) else { return nil }
        cursor = accepted
        return spec
    }
}

/// The running state of reading a duration: what is committed, and a part not yet complete.
private struct DurationParts {
    private(set) var committed: Int?
    private var pendingTotal: Int?
    private var nextUnit = 0
    private var number: Int?
    private var digits = ""

    var awaitingUnit: Bool { number != nil || !digits.isEmpty }

    mutating func commit() {
        if let pendingTotal { committed = pendingTotal }
    }

    /// Reads one word; false when it does not continue the duration (state is then unusable
    /// beyond the last commit).
    mutating func read(_ word: String) -> Bool {
        var letters = ""
        var readAny = false
        for char in word.lowercased() {
            if char.isASCII, char.isNumber {
                if !letters.isEmpty {
                    guard close(unit: letters) else { return false }
                    letters = ""
                }
                guard number == nil else { return false }
                digits.append(char)
                guard digits.count <= 12 else { return false }
            } else if char.isLetter || char == "ø" {
                if !digits.isEmpty {
                    number = Int(digits)
                    digits = ""
                }
                guard number != nil else { return false }
                letters.append(char)
            } else if char == ".", !letters.isEmpty {
                continue
            } else {
                return false
            }
            readAny = true
        }
        guard readAny else { return false }
        if !digits.isEmpty {
            guard letters.isEmpty else { return false }
            number = Int(digits)
            digits = ""
            return true
        }
        return letters.isEmpty || close(unit: letters)
    }

    /// Ends a `<number><unit>` part; false for an unknown unit, a unit out of order, or overflow.
    private mutating func close(unit word: String) -> Bool {
        guard let amount = number,
              let index = DurationUnit.table[nextUnit...].firstIndex(where: { $0.words.contains(word) })
        else { return false }
        let (part, overflow) = amount.multipliedReportingOverflow(by: DurationUnit.table[index].seconds)
        let base = pendingTotal ?? 0
        guard !overflow, base <= Int.max - part else { return false }
        pendingTotal = base + part
        nextUnit = index + 1
        number = nil
        return true
    }
}

/// The units of a duration, longest first, with the words that name them in English and Danish.
private enum DurationUnit {
    static let table: [(seconds: Int, words: Set<String>)] = [
        (86_400, ["d", "dag", "dage", "day", "days", "døgn"]),
        (3_600, ["h", "t", "time", "timer", "hour", "hours", "hr", "hrs", "tim"]),
        (60, ["m", "min", "mins", "minut", "minutter", "minute", "minutes"]),
        (1, ["s", "sek", "sec", "secs", "sekund", "sekunder", "second", "seconds"]),
    ]
}
