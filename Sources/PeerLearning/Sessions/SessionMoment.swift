/// A point in a session's life at which the bot posts something on its own.
public enum SessionMoment: String, Sendable, Codable, CaseIterable {
    /// The goals message in the group room, `goal_lead_time` before the start.
    case goals
    /// A short reminder to the group, `SessionTimeline.soonBeforeStart` before the start.
    case soon
    /// The `session_start` message, and a student facilitator's checklist.
    case start
    /// The facilitator's check that every member has contributed.
    case midpoint
    /// The facilitator's prompt to summarise and agree on tasks, `wrap_up_before_end` before the end.
    case wrapUp = "wrap_up"
    /// The reflection prompt.
    case end
}
