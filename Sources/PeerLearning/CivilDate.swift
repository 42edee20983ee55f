import Foundation

/// A day on the calendar with no time zone, and the arithmetic that must not care about DST.
struct CivilDate: Equatable {
    var year: Int
    var month: Int
    var day: Int

    /// Days in a month of the proleptic Gregorian calendar.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The calendar day `now` falls on in `timeZone`, with its weekday.
    static func today(at now: Date, in timeZone: TimeZone) -> (date: CivilDate, weekday: Weekday) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: now)
        return (CivilDate(year: parts.year!, month: parts.month!, day: parts.day!),
                Weekday(gregorianWeekday: parts.weekday!))
    }

    /// The day `days` later; done in UTC, where every day has 24 hours.
    func adding(days: Int) -> CivilDate {
        let noon = Self.utcCalendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12))!
        let later = noon.addingTimeInterval(TimeInterval(days * 86_400))
        let parts = Self.utcCalendar.dateComponents([.year, .month, .day], from: later)
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    /// The instant this day shows `hour:minute` on clocks in `timeZone`.
    /// A time skipped by a spring-forward change is moved on by the gap (02:30 → 03:30);
    /// a time that happens twice in autumn is the first of the two.
    func instant(hour: Int, minute: Int, in timeZone: TimeZone) -> Date {
        let asIfUTC = Self.utcCalendar.date(
            from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
        let offsetBefore = timeZone.secondsFromGMT(for: asIfUTC.addingTimeInterval(-86_400))
        let offsetAfter = timeZone.secondsFromGMT(for: asIfUTC.addingTimeInterval(86_400))
        let candidates = [offsetBefore, offsetAfter].map { offset in
            (offset, asIfUTC.addingTimeInterval(TimeInterval(-offset)))
        }
        let valid = candidates.filter { timeZone.secondsFromGMT(for: $0.1) == $0.0 }.map(\.1)
        // No valid reading means the clock skipped this time: read it with the offset from before.
        return valid.min() ?? candidates[0].1
    }

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
