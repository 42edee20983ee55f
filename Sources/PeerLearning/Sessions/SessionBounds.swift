import Foundation

/// How long a session may last and how far ahead it may be planned, checked before a plan is
/// stored, so no command's numbers reach the timeline's date arithmetic out of range.
public enum SessionBounds {
    public static let longestHours = 24
    public static let farthestDays = 730

    /// The answer refusing a session starting at `start` for `seconds`, or nil when it may be planned.
    public static func refusal(start: Date, seconds: Int, now: Date, language: Language) -> BotMessage? {
        if start <= now { return Texts(language).sessions.sessionInPast() }
        if start.timeIntervalSince(now) > TimeInterval(farthestDays * 86_400) {
            return Texts(language).sessions.sessionTooFarAhead(days: farthestDays)
        }
        if seconds > longestHours * 3_600 { return Texts(language).sessions.sessionTooLong(hours: longestHours) }
        return nil
    }
}
