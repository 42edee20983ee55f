import Foundation

/// A day on the proleptic Gregorian calendar with no time zone, and the arithmetic that must not
/// care about daylight saving time.
public struct CivilDate: Sendable, Equatable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Days from 1970-01-01 to this day (negative before it).
    ///
    /// Counts in 400-year cycles of 146,097 days, with years starting on 1 March so that the
    /// leap day falls at the end of a year.
    public var daysSince1970: Int {
        let marchYear = month <= 2 ? year - 1 : year
        let cycle = (marchYear >= 0 ? marchYear : marchYear - 399) / 400
        let yearOfCycle = marchYear - cycle * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfCycle = yearOfCycle * 365 + yearOfCycle / 4 - yearOfCycle / 100 + dayOfYear
        return cycle * 146_097 + dayOfCycle - 719_468 // 719,468 days from 0000-03-01 to 1970-01-01
    }

    /// The day `days` after 1970-01-01; the inverse of `daysSince1970`.
    public init(daysSince1970 days: Int) {
        let shifted = days + 719_468
        let cycle = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfCycle = shifted - cycle * 146_097
        let yearOfCycle = (dayOfCycle - dayOfCycle / 1460 + dayOfCycle / 36_524 - dayOfCycle / 146_096) / 365
        let dayOfYear = dayOfCycle - (365 * yearOfCycle + yearOfCycle / 4 - yearOfCycle / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        year = yearOfCycle + cycle * 400 + (month <= 2 ? 1 : 0)
    }

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// 1970-01-01 was a Thursday.
    var weekday: Weekday {
        Weekday(rawValue: ((daysSince1970 + 3) % 7 + 7) % 7 + 1)!
    }

    /// The calendar day `now` falls on in `zone`.
    static func today(at now: Date, in zone: ZoneRules) -> CivilDate {
        LocalTime(now, in: zone).date
    }

    /// The day `days` later.
    func adding(days: Int) -> CivilDate {
        CivilDate(daysSince1970: daysSince1970 + days)
    }

    /// The instant this day shows `hour:minute` on clocks in `zone`.
    /// A time skipped by a spring-forward change is moved on by the gap (02:30 → 03:30);
    /// a time that happens twice in autumn is the first of the two.
    func instant(hour: Int, minute: Int, in zone: ZoneRules) -> Date {
        let asIfUTC = Date(timeIntervalSince1970: TimeInterval(daysSince1970 * 86_400 + hour * 3600 + minute * 60))
        let offsetBefore = zone.secondsFromGMT(for: asIfUTC.addingTimeInterval(-86_400))
        let offsetAfter = zone.secondsFromGMT(for: asIfUTC.addingTimeInterval(86_400))
        let candidates = [offsetBefore, offsetAfter].map { offset in
            (offset, asIfUTC.addingTimeInterval(TimeInterval(-offset)))
        }
        let valid = candidates.filter { zone.secondsFromGMT(for: $0.1) == $0.0 }.map(\.1)
        // No valid reading means the clock skipped this time: read it with the offset from before.
        return valid.min() ?? candidates[0].1
    }
}

/// What clocks and calendars in a zone show at an instant.
struct LocalTime: Equatable {
    var date: CivilDate
    var hour: Int
    var minute: Int
    var second: Int

    init(_ instant: Date, in zone: ZoneRules) {
        let seconds = Int64(instant.timeIntervalSince1970.rounded(.down)) + Int64(zone.secondsFromGMT(for: instant))
        let days = floorDivide(seconds, 86_400)
        let ofDay = Int(seconds - days * 86_400)
        date = CivilDate(daysSince1970: Int(days))
        hour = ofDay / 3600
        minute = ofDay % 3600 / 60
        second = ofDay % 60
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
