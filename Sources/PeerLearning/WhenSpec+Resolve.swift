import Foundation

extension WhenSpec {
    /// The instant this means when said at `now` by someone whose clocks show `timeZone`.
    /// Times skipped by a DST change move on by the gap; repeated times take the first.
    /// Nil for a day or clock time that does not exist (built by hand, never by `parse`).
    public func resolve(now: Date, timeZone: ZoneRules) -> Date? {
        guard hasValidFields else { return nil }
        let today = CivilDate.today(at: now, in: timeZone)
        switch self {
        case let .absolute(year, month, day, hour, minute):
            return CivilDate(year: year, month: month, day: day).instant(hour: hour, minute: minute, in: timeZone)
        case let .timeOfDay(hour, minute):
            let candidate = today.instant(hour: hour, minute: minute, in: timeZone)
            guard candidate <= now else { return candidate }
            return today.adding(days: 1).instant(hour: hour, minute: minute, in: timeZone)
        case let .tomorrow(hour, minute):
            return today.adding(days: 1).instant(hour: hour, minute: minute, in: timeZone)
        case let .weekday(day, hour, minute):
            let ahead = (day.rawValue - today.weekday.rawValue + 7) % 7
            let candidate = today.adding(days: ahead).instant(hour: hour, minute: minute, in: timeZone)
            guard candidate <= now else { return candidate }
            return today.adding(days: ahead + 7).instant(hour: hour, minute: minute, in: timeZone)
        case let .relative(seconds):
            return now.addingTimeInterval(TimeInterval(seconds))
        }
    }

    private var hasValidFields: Bool {
        func clock(_ hour: Int, _ minute: Int) -> Bool { (0...23).contains(hour) && (0...59).contains(minute) }
        switch self {
        case let .absolute(year, month, day, hour, minute):
            return (1...12).contains(month) && (1...CivilDate.daysIn(month: month, year: year)).contains(day)
                && clock(hour, minute)
        case let .timeOfDay(hour, minute), let .tomorrow(hour, minute), let .weekday(_, hour, minute):
            return clock(hour, minute)
        case .relative:
            return true
        }
    }
}
