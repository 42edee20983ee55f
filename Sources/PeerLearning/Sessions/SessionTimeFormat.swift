import Foundation

/// Dates, clock times and lengths as people read them, in the room's language and the configured zone.
public enum SessionTimeFormat {
    /// "onsdag 3. december kl. 14:00" / "Wednesday 3 December at 14:00".
    public static func dateTime(_ date: Date, timeZone: TimeZone, language: Language) -> String {
        format(date, timeZone, language, da: "EEEE d. MMMM 'kl.' HH:mm", en: "EEEE d MMMM 'at' HH:mm")
    }

    /// "14:00".
    public static func clock(_ date: Date, timeZone: TimeZone, language: Language) -> String {
        format(date, timeZone, language, da: "HH:mm", en: "HH:mm")
    }

    /// "onsdag 3. december kl. 14:00–15:30", or with both days when it runs past midnight.
    public static func span(_ plan: SessionPlan, timeZone: TimeZone, language: Language) -> String {
        let start = dateTime(plan.start, timeZone: timeZone, language: language)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let end = calendar.isDate(plan.start, inSameDayAs: plan.end)
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

    private static func format(_ date: Date, _ zone: TimeZone, _ language: Language, da: String, en: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: language == .da ? "da_DK" : "en_GB")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = zone
        formatter.dateFormat = language == .da ? da : en
        return formatter.string(from: date)
    }
}
