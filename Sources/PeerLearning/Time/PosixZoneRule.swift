/// A POSIX `TZ` rule such as `CET-1CEST,M3.5.0,M10.5.0/3`, as a TZif footer carries it
/// (POSIX.1 section 8.3, with RFC 8536's extension of hours to ±167).
struct PosixZoneRule: Sendable, Equatable {
    /// Seconds east of UTC outside daylight saving time.
    let standardOffset: Int
    /// Seconds east of UTC during daylight saving time, and when it starts and ends; nil when the
    /// zone keeps one offset all year.
    let daylight: Daylight?

    struct Daylight: Sendable, Equatable {
        let offset: Int
        let start: Change
        let end: Change
    }

    /// A day of the year and the local time of day (in seconds) at which a change happens.
    struct Change: Sendable, Equatable {
        enum Day: Sendable, Equatable {
            /// `Jn`: day 1...365, February 29 never counted.
            case julianNoLeap(Int)
            /// `n`: day 0...365, February 29 counted.
            case zeroBased(Int)
            /// `Mm.w.d`: weekday `d` (0 = Sunday) of week `w` (5 = the last) of month `m`.
            case monthWeekDay(month: Int, week: Int, weekday: Int)
        }
        let day: Day
        let time: Int
    }

    /// Seconds east of UTC at `instant` (seconds since 1970, UTC).
    func offset(at instant: Int64) -> Int {
        guard let daylight else { return standardOffset }
        let year = CivilDate(daysSince1970: Int(floorDivide(instant + Int64(standardOffset), 86_400))).year
        let starts = daylight.start.instant(in: year, offsetInForce: standardOffset)
        let ends = daylight.end.instant(in: year, offsetInForce: daylight.offset)
        let inDaylight = starts < ends
            ? (instant >= starts && instant < ends)
            : (instant < ends || instant >= starts) // southern hemisphere: summer spans the new year
        return inDaylight ? daylight.offset : standardOffset
    }
}

extension PosixZoneRule.Change {
    /// The instant (seconds since 1970, UTC) this change happens in `year`, read on clocks that
    /// show `offsetInForce` just before it.
    func instant(in year: Int, offsetInForce: Int) -> Int64 {
        let daysToYear = CivilDate(year: year, month: 1, day: 1).daysSince1970
        let dayOfYear: Int
        switch day {
        case .julianNoLeap(let n):
            dayOfYear = n - 1 + (CivilDate.isLeap(year) && n >= 60 ? 1 : 0)
        case .zeroBased(let n):
            dayOfYear = n
        case let .monthWeekDay(month, week, weekday):
            let first = CivilDate(year: year, month: month, day: 1)
            // Weekday numbering here is 0 = Sunday; `CivilDate.weekday` is ISO (Monday = 1, Sunday = 7).
            let firstWeekday = first.weekday.rawValue % 7
            var day = 1 + (weekday - firstWeekday + 7) % 7 + (week - 1) * 7
            let length = CivilDate.daysIn(month: month, year: year)
            while day > length { day -= 7 }
            dayOfYear = first.daysSince1970 - daysToYear + day - 1
        }
        return Int64(daysToYear + dayOfYear) * 86_400 + Int64(time) - Int64(offsetInForce)
    }
}

extension PosixZoneRule {
    /// Reads a rule; nil when the text is not one.
    init?(_ text: String) {
        var scanner = RuleScanner(Array(text.utf8))
        guard scanner.name(), let standard = scanner.offset() else { return nil }
        standardOffset = -standard // POSIX counts west of Greenwich as positive
        if scanner.atEnd {
            daylight = nil
            return
        }
        guard scanner.name() else { return nil }
        var daylightOffset = standardOffset + 3600
        if !scanner.atEnd && scanner.peek != UInt8(ascii: ",") {
            guard let value = scanner.offset() else { return nil }
            daylightOffset = -value
        }
        let start: Change
        let end: Change
        if scanner.atEnd {
            // No rule given: POSIX leaves it to the implementation; the common choice is the US one.
            start = Change(day: .monthWeekDay(month: 3, week: 2, weekday: 0), time: 7200)
            end = Change(day: .monthWeekDay(month: 11, week: 1, weekday: 0), time: 7200)
        } else {
            guard scanner.take(","), let first = scanner.change(), scanner.take(","),
                  let second = scanner.change(), scanner.atEnd else { return nil }
            start = first
            end = second
        }
        daylight = Daylight(offset: daylightOffset, start: start, end: end)
    }
}

/// Reads the parts of a POSIX `TZ` string one at a time.
private struct RuleScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }
    var peek: UInt8? { atEnd ? nil : bytes[index] }

    mutating func take(_ character: Character) -> Bool {
        guard let byte = character.asciiValue, peek == byte else { return false }
        index += 1
        return true
    }

    /// A zone abbreviation: three or more letters, or anything but `>` between `<` and `>`.
    mutating func name() -> Bool {
        let start = index
        if take("<") {
            while let byte = peek, byte != UInt8(ascii: ">") { index += 1 }
            return index - start > 3 && take(">")
        }
        while let byte = peek, (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "z") { index += 1 }
        return index - start >= 3
    }

    /// `[+|-]hh[:mm[:ss]]` in seconds, hours up to 167.
    mutating func offset() -> Int? {
        var sign = 1
        if take("-") { sign = -1 } else { _ = take("+") }
        guard let hours = number(maximum: 167) else { return nil }
        var seconds = hours * 3600
        if take(":") {
            guard let minutes = number(maximum: 59) else { return nil }
            seconds += minutes * 60
            if take(":") {
                guard let secs = number(maximum: 59) else { return nil }
                seconds += secs
            }
        }
        return sign * seconds
    }

    /// `Jn`, `n` or `Mm.w.d`, then an optional `/time` (02:00 when absent).
    mutating func change() -> PosixZoneRule.Change? {
        let day: PosixZoneRule.Change.Day
        if take("J") {
            guard let n = number(maximum: 365), n >= 1 else { return nil }
            day = .julianNoLeap(n)
        } else if take("M") {
            guard let month = number(maximum: 12), month >= 1, take("."),
                  let week = number(maximum: 5), week >= 1, take("."),
                  let weekday = number(maximum: 6) else { return nil }
            day = .monthWeekDay(month: month, week: week, weekday: weekday)
        } else {
            guard let n = number(maximum: 365) else { return nil }
            day = .zeroBased(n)
        }
        var time = 7200
        if take("/") {
            guard let value = offset() else { return nil }
            time = value
        }
        return PosixZoneRule.Change(day: day, time: time)
    }

    private mutating func number(maximum: Int) -> Int? {
        let start = index
        var value = 0
        while let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            index += 1
            guard value <= maximum else { return nil }
        }
        return index > start ? value : nil
    }
}

/// Division that rounds towards minus infinity, for instants before 1970.
func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
    let quotient = value / divisor
    return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
}
