import Foundation

/// When each of a session's moments happens, which are due now, and their job-ledger keys.
public enum SessionTimeline {
    /// `goal_lead_time`'s default: the goals go out 24 hours before the start.
    public static let defaultGoalLeadTime = 86_400
    /// `wrap_up_before_end`'s default: the wrap-up prompt comes 10 minutes before the end.
    public static let defaultWrapUpBeforeEnd = 600
    /// How long a goals message planned within the lead time waits after its first goal, so
    /// that goals added together arrive together.
    public static let goalsSettleDelay = 120
    /// `session_reminder`'s default: the group is reminded 15 minutes before the start.
    public static let defaultReminderBefore = 900

    /// The session's moments in time order.
    ///
    /// Goals come `goalLeadTime` seconds before the start (see `goalsTime` for a session planned
    /// closer than that); the reminder `reminderBefore` seconds before it (none for 0), unless the session was
    /// planned (or moved) closer to its start than that, when everyone has just been told. The wrap-up comes `wrapUpBeforeEnd` seconds before the end and is
    /// left out when that is not after the midpoint (a short session) or the setting is 0.
    public static func moments(
        for plan: SessionPlan, goalLeadTime: Int = defaultGoalLeadTime,
        wrapUpBeforeEnd: Int = defaultWrapUpBeforeEnd, plannedAt: Date? = nil, firstContentAt: Date? = nil,
        reminderBefore: Int = defaultReminderBefore
    ) -> [(moment: SessionMoment, at: Date)] {
        let goalsAt = goalsTime(plan, goalLeadTime: goalLeadTime, plannedAt: plannedAt, firstContentAt: firstContentAt)
        var list: [(moment: SessionMoment, at: Date)] = [
            (.goals, goalsAt), (.start, plan.start), (.midpoint, plan.midpoint),
        ]
        if let soon = soonTime(plan, reminderBefore, plannedAt: plannedAt) { list.append((.soon, soon)) }
        if let wrapUp = wrapUpTime(plan, wrapUpBeforeEnd) { list.append((.wrapUp, wrapUp)) }
        list.append((.end, plan.end))
        let order = SessionMoment.allCases
        return list.sorted { lhs, rhs in
            lhs.at != rhs.at ? lhs.at < rhs.at
                : order.firstIndex(of: lhs.moment)! < order.firstIndex(of: rhs.moment)!
        }
    }

    /// When the goals message is posted. `goalLeadTime` seconds before the start, unless the
    /// session was planned (`plannedAt`) after that: then an empty message would be posted at
    /// once and edited for every goal, so it waits until `goalsSettleDelay` after the first
    /// goal, outcome or activity was added (`firstContentAt`), and at the latest until the start.
    public static func goalsTime(
        _ plan: SessionPlan, goalLeadTime: Int = defaultGoalLeadTime, plannedAt: Date? = nil, firstContentAt: Date? = nil
    ) -> Date {
        let leadAt = plan.start.addingTimeInterval(-TimeInterval(max(0, goalLeadTime)))
        guard let plannedAt, plannedAt > leadAt else { return leadAt }
        guard let firstContentAt else { return plan.start }
        let settled = max(firstContentAt, plannedAt).addingTimeInterval(TimeInterval(goalsSettleDelay))
        return min(settled, plan.start)
    }

    /// The instant from which a moment that has not run yet is no longer worth running;
    /// nil for the reflection prompt at the end, which is never too late.
    ///
    /// The reminder is pointless once the session has begun; goals, the start message and the
    /// wrap-up once it has ended.
    /// The midpoint check is pointless once it is time to wrap up (or the end, when there
    /// is no wrap-up): the facilitator would get two prompts at once.
    public static func passes(
        _ moment: SessionMoment, plan: SessionPlan, wrapUpBeforeEnd: Int = defaultWrapUpBeforeEnd
    ) -> Date? {
        switch moment {
        case .soon: plan.start
        case .goals, .start, .wrapUp: plan.end
        case .midpoint: wrapUpTime(plan, wrapUpBeforeEnd) ?? plan.end
        case .end: nil
        }
    }

    /// The key under which the job ledger records that `moment` of session `number` ran.
    /// It includes the start, so a moved session gets its jobs again.
    public static func jobKey(session number: Int, moment: SessionMoment, start: Date) -> String {
        let seconds = Int(start.timeIntervalSince1970.rounded(.down))
        return "session/\(number)/\(moment.rawValue)/\(seconds)"
    }

    static func soonTime(_ plan: SessionPlan, _ reminderBefore: Int, plannedAt: Date?) -> Date? {
        guard reminderBefore > 0 else { return nil }
        let soon = plan.start.addingTimeInterval(-TimeInterval(reminderBefore))
        if let plannedAt, plannedAt > soon { return nil }
        return soon
    }

    static func wrapUpTime(_ plan: SessionPlan, _ wrapUpBeforeEnd: Int) -> Date? {
        guard wrapUpBeforeEnd > 0 else { return nil }
        let wrapUp = plan.wrapUp(before: wrapUpBeforeEnd)
        return wrapUp > plan.midpoint ? wrapUp : nil
    }
}
