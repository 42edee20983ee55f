import Foundation

/// Dates, clock times and lengths as people read them, in the room's language and the configured zone.
public enum SessionTimeFormat {
    /// "onsdag 3. december kl. 14:00" / "Wednesday 3 December at 14:00".
    public static func dateTime(_ date: Date, timeZone: ZoneRules, language: Language) -> String {
        let local = LocalTime(date, in: timeZone)
        let weekday = weekdayName(local.date.weekday, language)
        let month = monthName(local.date.month, language)
        let clock = local.hour.zeroPadded(2) + ":" + local.minute.zeroPadded(2)
        return language == .da
            ? "\(weekday) \(local.date.day). \(month) kl. \(clock)"
            : "\(weekday) \(local.date.day) \(month) at \(clock)"
    }

    /// "14:00".
    public static func clock(_ date: Date, timeZone: ZoneRules, language: Language) -> String {
        let local = LocalTime(date, in: timeZone)
        return local.hour.zeroPadded(2) + ":" + local.minute.zeroPadded(2)
    }

    /// "onsdag 3. december kl. 14:00–15:30", or with both days when it runs past midnight.
    public static func span(_ plan: SessionPlan, timeZone: ZoneRules, language: Language) -> String {
        let start = dateTime(plan.start, timeZone: timeZone, language: language)
        let sameDay = LocalTime(plan.start, in: timeZone).date == LocalTime(plan.end, in: timeZone).date
        let end = sameDay
            ? clock(plan.end, timeZone: timeZone, language: language)
            : dateTime(plan.end, timeZone: timeZone, language: language)
        return start + "–" + end
    }

    /// "1 time og 30 minutter" / "1 hour and 30 minutes"; "45 sekunder" / "45 seconds".
    public static func length(_ seconds: Int, language: Language) -> String {
        let da = language == .da
        let parts: [(Int, String, String)] = [
            (seconds / 3600, da ? "time" : "hour", da ? "timer" : "hours"),
            (seconds % 3600 / 60, da ? "minut" : "minute", da ? "minutter" : "minutes"),
            (seconds % 60, da ? "sekund" : "second", da ? "sekunder" : "seconds"),
        ]
        let words = parts.filter { $0.0 > 0 }.map { "\($0.0) \($0.0 == 1 ? $0.1 : $0.2)" }
        guard let last = words.last else { return da ? "0 minutter" : "0 minutes" }
        let and = da ? " og " : " and "
        return words.count == 1 ? last : words.dropLast().joined(separator: ", ") + and + last
    }

    /// "nov. 2026" / "Nov 2026".
    public static func monthAndYear(_ date: Date, timeZone: ZoneRules, language: Language) -> String {
        let local = LocalTime(date, in: timeZone)
        let names = language == .da
            ? ["jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."]
            : ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return names[local.date.month - 1] + " " + String(local.date.year)
    }

    /// "2026-12-03": the calendar day in `timeZone`, as ISO 8601 writes it.
    public static func isoDay(_ date: Date, timeZone: ZoneRules) -> String {
        let day = LocalTime(date, in: timeZone).date
        return day.year.zeroPadded(4) + "-" + day.month.zeroPadded(2) + "-" + day.day.zeroPadded(2)
    }

    /// "2026-12-03T13:00:00Z".
    public static func isoInstant(_ date: Date) -> String {
        let local = LocalTime(date, in: .utc)
        return isoDay(date, timeZone: .utc) + "T" + local.hour.zeroPadded(2) + ":" + local.minute.zeroPadded(2)
            + ":" + local.second.zeroPadded(2) + "Z"
    }

    private static func weekdayName(_ weekday: Weekday, _ language: Language) -> String {
        let da = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
        let en = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        return (language == .da ? da : en)[weekday.rawValue - 1]
    }

    private static func monthName(_ month: Int, _ language: Language) -> String {
        let da = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
                  "november", "december"]
        let en = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                  "November", "December"]
        return (language == .da ? da : en)[month - 1]
    }
}
