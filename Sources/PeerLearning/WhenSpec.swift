/// When a session starts, as written in a command; `resolve` turns it into an instant.
public enum WhenSpec: Equatable, Sendable {
    /// `YYYY-MM-DD HH:MM`
    case absolute(year: Int, month: Int, day: Int, hour: Int, minute: Int)
    /// `HH:MM`, `kl. 14`, `kl. 14.30`: the next time the clock shows it.
    case timeOfDay(hour: Int, minute: Int)
    /// `tomorrow HH:MM` / `i morgen HH:MM`
    case tomorrow(hour: Int, minute: Int)
    /// `wed 14:00` / `ons 14:00`: the next such day, today if the time is still ahead.
    case weekday(Weekday, hour: Int, minute: Int)
    /// `+10m`, `+1h30m`, `+45s`, `+90 min`: that much real time from now.
    case relative(seconds: Int)

    /// Reads a whole string as a `<when>`; nil if anything is left over or wrong.
    public static func parse(_ s: String) -> WhenSpec? {
        var cursor = ArgumentCursor(Substring(s))
        guard let spec = scan(&cursor), cursor.isAtEnd else { return nil }
        return spec
    }

    /// Consumes a `<when>` from the cursor, leaving it untouched when there is none.
    static func scan(_ cursor: inout ArgumentCursor) -> WhenSpec? {
        var copy = cursor
        guard let first = copy.next()?.lowercased() else { return nil }
        let spec: WhenSpec?
        if first.hasPrefix("+") {
            // `+1h30m` is one word; `+90 min` takes the unit word after a bare number, and no
            // more, so `+1h 30m` stays "in an hour, for 30 minutes".
            let amount = String(first.dropFirst())
            var duration = DurationSpec.parse(amount)
            if duration == nil, !amount.isEmpty, amount.allSatisfy(\.isASCIIDigit), let unit = copy.next() {
                duration = DurationSpec.parse(amount + " " + unit)
            }
            spec = duration.map { .relative(seconds: $0.seconds) }
        } else if ["kl", "kl.", "at"].contains(first) {
            // `kl. 14`, `kl. 14.30`, `at 9:15`: the next time the clock shows it.
            var clockWords = cursor
            spec = scanClock(&clockWords).map { .timeOfDay(hour: $0.hour, minute: $0.minute) }
            copy = clockWords
        } else if let date = parseDate(first) {
            spec = scanClock(&copy).map {
                .absolute(year: date.year, month: date.month, day: date.day, hour: $0.hour, minute: $0.minute)
            }
        } else if let clock = parseClock(first, hourOnly: false) {
            spec = .timeOfDay(hour: clock.hour, minute: clock.minute)
        } else if first == "tomorrow" || first == "imorgen" || first == "i" && copy.next()?.lowercased() == "morgen" {
            spec = scanClock(&copy).map { .tomorrow(hour: $0.hour, minute: $0.minute) }
        } else if let day = Weekday(word: first) {
            spec = scanClock(&copy).map { .weekday(day, hour: $0.hour, minute: $0.minute) }
        } else {
            spec = nil
        }
        if spec != nil { cursor = copy }
        return spec
    }

    /// A clock time, optionally after `at`/`kl.`; after `kl.` the hour alone will do (`kl. 14`).
    private static func scanClock(_ cursor: inout ArgumentCursor) -> (hour: Int, minute: Int)? {
        var copy = cursor
        guard var word = copy.next()?.lowercased() else { return nil }
        var hourOnly = false
        if ["at", "kl", "kl."].contains(word) {
            guard let after = copy.next() else { return nil }
            word = after
            hourOnly = true
        }
        guard let clock = parseClock(word, hourOnly: hourOnly) else { return nil }
        cursor = copy
        return clock
    }

    /// `14:00`, `9:30` or `14.00`; hours 0–23, minutes 00–59.
    static func parseClock(_ word: String, hourOnly: Bool) -> (hour: Int, minute: Int)? {
        let parts = word.split(separator: word.contains(":") ? ":" : ".", omittingEmptySubsequences: false)
        guard parts.count == 2 || hourOnly && parts.count == 1,
              let hourText = parts.first, (1...2).contains(hourText.count), hourText.allSatisfy(\.isASCIIDigit),
              let hour = Int(hourText), (0...23).contains(hour)
        else { return nil }
        guard parts.count == 2 else { return (hour, 0) }
        guard parts[1].count == 2, parts[1].allSatisfy(\.isASCIIDigit),
              let minute = Int(parts[1]), (0...59).contains(minute)
        else { return nil }
        return (hour, minute)
    }

    /// `YYYY-MM-DD`, only for days that exist.
    static func parseDate(_ word: String) -> (year: Int, month: Int, day: Int)? {
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year)
        else { return nil }
        return (year, month, day)
    }
}
