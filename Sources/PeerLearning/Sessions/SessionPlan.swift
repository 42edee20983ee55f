import Foundation

/// One planned peer-learning session of one group, as the bot stores and shows it.
public struct SessionPlan: Sendable, Equatable, Codable {
    /// The `#id` the bot prints; numbered across all groups.
    public var number: Int
    /// The group's name (`A`, `B`, …).
    public var group: String
    public var title: String
    public var start: Date
    /// Length in seconds; always positive.
    public var duration: Int
    public var goals: [String]
    public var outcomes: [String]
    public var activity: ActivityKind?
    public var activityBrief: String?
    public var cancelled: Bool

    public init(
        number: Int, group: String, title: String, start: Date, duration: Int,
        goals: [String] = [], outcomes: [String] = [], activity: ActivityKind? = nil,
        activityBrief: String? = nil, cancelled: Bool = false
    ) {
        self.number = number
        self.group = group
        self.title = title
        self.start = start
        self.duration = duration
        self.goals = goals
        self.outcomes = outcomes
        self.activity = activity
        self.activityBrief = activityBrief
        self.cancelled = cancelled
    }

    public var end: Date { start.addingTimeInterval(TimeInterval(duration)) }

    /// Halfway through, when the facilitator is asked whether everyone has contributed.
    public var midpoint: Date { start.addingTimeInterval(TimeInterval(duration) / 2) }

    /// `seconds` before the end, when the facilitator is asked to wrap up.
    public func wrapUp(before seconds: Int) -> Date {
        end.addingTimeInterval(-TimeInterval(seconds))
    }

    /// Whether the session is still ahead of `now` or running (not yet ended).
    public func hasEnded(at now: Date) -> Bool { now >= end }
}

extension ActivityKind: Codable {}
