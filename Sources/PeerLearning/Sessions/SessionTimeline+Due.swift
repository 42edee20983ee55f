import Foundation

/// What a scheduler should do with one session's moments at one instant.
public struct DueMoments: Sendable, Equatable {
    /// Moments whose time has come, still worth running, in time order.
    public var due: [SessionMoment]
    /// Moments whose time came and went while nothing ran them (the bot was down); record
    /// them as done in the job ledger and never run them.
    public var skipped: [SessionMoment]

    public init(due: [SessionMoment] = [], skipped: [SessionMoment] = []) {
        self.due = due
        self.skipped = skipped
    }

    public var isEmpty: Bool { due.isEmpty && skipped.isEmpty }
}

extension SessionTimeline {
    /// The moments of `session` that are due at `now` and not in `alreadyRun` (which should
    /// hold every moment recorded in the job ledger, skipped ones included).
    ///
    /// A moment late because the bot was down runs once when it is back, unless it has
    /// passed (see `passes`); a cancelled session has nothing due and nothing to skip.
    public static func due(
        session: SessionPlan, now: Date, alreadyRun: Set<SessionMoment>,
        goalLeadTime: Int = defaultGoalLeadTime, wrapUpBeforeEnd: Int = defaultWrapUpBeforeEnd,
        plannedAt: Date? = nil, firstContentAt: Date? = nil, reminderBefore: Int = defaultReminderBefore
    ) -> DueMoments {
        guard !session.cancelled else { return DueMoments() }
        var result = DueMoments()
        let timeline = moments(for: session, goalLeadTime: goalLeadTime,
                               wrapUpBeforeEnd: wrapUpBeforeEnd, plannedAt: plannedAt,
                               firstContentAt: firstContentAt, reminderBefore: reminderBefore)
        for (moment, at) in timeline where at <= now && !alreadyRun.contains(moment) {
            if let passed = passes(moment, plan: session, wrapUpBeforeEnd: wrapUpBeforeEnd), now >= passed {
                result.skipped.append(moment)
            } else {
                result.due.append(moment)
            }
        }
        return result
    }

    /// The earliest time at which a moment not in `alreadyRun` falls due, for the
    /// scheduler's next wake-up; it may lie in the past. Nil when nothing is left
    /// or the session is cancelled.
    public static func nextDate(
        session: SessionPlan, alreadyRun: Set<SessionMoment>,
        goalLeadTime: Int = defaultGoalLeadTime, wrapUpBeforeEnd: Int = defaultWrapUpBeforeEnd,
        plannedAt: Date? = nil, firstContentAt: Date? = nil, reminderBefore: Int = defaultReminderBefore
    ) -> Date? {
        guard !session.cancelled else { return nil }
        return moments(for: session, goalLeadTime: goalLeadTime, wrapUpBeforeEnd: wrapUpBeforeEnd,
                       plannedAt: plannedAt, firstContentAt: firstContentAt, reminderBefore: reminderBefore)
            .first { !alreadyRun.contains($0.moment) }?.at
    }
}
