import Foundation

/// A weekday and clock time that comes round every week (`mon 08:00`), as `overview_at` says.
public struct WeeklyTime: Sendable, Equatable {
    public var weekday: Weekday
    public var hour: Int
    public var minute: Int

    public init?(weekday: Weekday, hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.weekday = weekday
        self.hour = hour
        self.minute = minute
    }

    /// Reads `mon 08:00`, `mandag 8:00`, `man 8.00` (English or Danish weekday, `H:MM` or `H.MM`).
    public static func parse(_ text: String) -> WeeklyTime? {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count == 2, let day = Weekday(word: words[0]) else { return nil }
        let parts = words[1].split(omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "." })
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]) else { return nil }
        return WeeklyTime(weekday: day, hour: hour, minute: minute)
    }

    /// The latest occurrence at or before `now` in `timeZone`, and its local day (for a job key).
    public func latestOccurrence(atOrBefore now: Date, timeZone: ZoneRules) -> (instant: Date, day: CivilDate) {
        let today = CivilDate.today(at: now, in: timeZone)
        let back = (today.weekday.rawValue - weekday.rawValue + 7) % 7
        let candidateDay = today.adding(days: -back)
        let candidate = candidateDay.instant(hour: hour, minute: minute, in: timeZone)
        if candidate <= now { return (candidate, candidateDay) }
        let earlier = candidateDay.adding(days: -7)
        return (earlier.instant(hour: hour, minute: minute, in: timeZone), earlier)
    }
}
