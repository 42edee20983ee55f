extension CommandParser {
    /// For `!session plan` that did not parse: the words where reading its `<when>` or
    /// `<duration>` failed; nil when the time parts were fine (or missing) and the usage line
    /// says enough.
    @Sendable static func unreadableSessionPlanTime(_ arguments: ArgumentCursor) -> String? {
        var cursor = arguments
        var probe = cursor
        if WhenSpec.scan(&probe) == nil, cursor.next(groupRef) == nil { return nil }
        guard !cursor.isAtEnd else { return nil }
        guard WhenSpec.scan(&cursor) != nil else { return whenWords(cursor) }
        guard !cursor.isAtEnd else { return nil }
        guard DurationSpec.scan(&cursor) != nil else { return durationWords(cursor) }
        return nil
    }

    /// For `!session move` that did not parse: the words where reading its `<when>` failed.
    @Sendable static func unreadableSessionMoveTime(_ arguments: ArgumentCursor) -> String? {
        var cursor = arguments
        _ = cursor.next(sessionNumber)
        guard !cursor.isAtEnd else { return nil }
        guard WhenSpec.scan(&cursor) != nil else { return whenWords(cursor) }
        return cursor.isAtEnd ? nil : Texts.shortened(cursor.remainder())
    }

    /// The words a `<when>` would have used: one, or two when the first needs a clock after it
    /// (`i morgen 25:00`, `ons 9`, `kl. 25`).
    private static func whenWords(_ cursor: ArgumentCursor) -> String {
        var words = cursor
        guard let first = words.next() else { return "" }
        var taken = [first]
        let lower = first.lowercased()
        if lower == "i", words.peek()?.lowercased() == "morgen", let morgen = words.next() {
            taken.append(morgen)
        }
        let wantsClock = taken.count == 2 || ["tomorrow", "imorgen", "kl", "kl.", "at"].contains(lower)
            || WhenSpec.parseDate(lower) != nil || Weekday(word: lower) != nil
        if wantsClock, let clock = words.next() {
            if ["kl", "kl.", "at"].contains(clock.lowercased()), let after = words.next() {
                taken.append(clock + " " + after)
            } else {
                taken.append(clock)
            }
        }
        return Texts.shortened(taken.joined(separator: " "))
    }

    /// The words a `<duration>` would have used: a number and its unit word, or one word.
    private static func durationWords(_ cursor: ArgumentCursor) -> String {
        var words = cursor
        guard let first = words.next() else { return "" }
        if first.allSatisfy(\.isASCIIDigit), let unit = words.next() { return Texts.shortened(first + " " + unit) }
        return Texts.shortened(first)
    }
}
