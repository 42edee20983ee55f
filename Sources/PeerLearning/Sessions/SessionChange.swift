import Foundation

/// One change a supervisor makes to a session's content: `!session goal`, `!session outcome`
/// or `!session activity`.
public enum SessionEdit: Sendable, Equatable {
    case goal(String)
    case outcome(String)
    case activity(ActivityKind, brief: String)

    /// `plan` as it reads once this change is made: an item goes after the ones already there.
    public func applied(to plan: SessionPlan) -> SessionPlan {
        var plan = plan
        switch self {
        case .goal(let text): plan.goals.append(text)
        case .outcome(let text): plan.outcomes.append(text)
        case .activity(let kind, let brief):
            plan.activity = kind
            plan.activityBrief = brief
        }
        return plan
    }
}

/// What one session change does, in the order the runtime applies it in the batch's transaction.
public enum SessionChangeEffect: Sendable, Equatable {
    /// Store the change itself.
    case edit(SessionEdit)
    /// Note that the session now has content (only the first time counts).
    case noteGoalsContent
    /// Edit the goals message already posted in the group room so it reads `message`.
    case replaceGoalsMessage(BotMessage)
    /// Post `message` to the group room, naming `mentions` as the people asked to act.
    case postToGroup(BotMessage, mentions: [String])
    /// Keep the posted goals message as the session's, at the version the change made.
    case keepGoalsMessage
}

/// The decision for a change to a session's goals, outcomes or activity.
public struct SessionChange: Sendable, Equatable {
    public var effects: [SessionChangeEffect]
    /// The answer to the supervisor who asked.
    public var reply: BotMessage

    /// What the session's goals message looks like in its group room when the change comes.
    public struct Goals: Sendable, Equatable {
        /// The goals message has been queued or posted.
        public var posted: Bool
        /// The group's members in roster order, and those who had confirmed the current version.
        public var members: [String]
        public var confirmed: Set<String>
        public var facilitatorName: String?
        public var criteria: String?

        public init(posted: Bool, members: [String] = [], confirmed: Set<String> = [],
                    facilitatorName: String? = nil, criteria: String? = nil)
        {
            self.posted = posted
            self.members = members
            self.confirmed = confirmed
            self.facilitatorName = facilitatorName
            self.criteria = criteria
        }
    }

    /// A goals message already posted (and whose session has not ended) is edited in place,
    /// with one short notice that asks again only the students who had confirmed: their
    /// confirmation named the old version, and nobody else had one to lose.
    /// `group` speaks the group room's language, `reply` the supervisor's.
    public static func decide(
        _ edit: SessionEdit, to before: SessionPlan, goals: Goals, now: Date, timeZone: ZoneRules,
        group: Texts, reply: Texts
    ) -> SessionChange {
        let plan = edit.applied(to: before)
        var effects: [SessionChangeEffect] = [.edit(edit), .noteGoalsContent]
        let live = goals.posted && !plan.hasEnded(at: now)
        if live {
            let message = group.sessions.sessionGoals(plan, facilitatorName: goals.facilitatorName, criteria: goals.criteria,
                                             timeZone: timeZone)
            let askAgain = goals.members.filter(goals.confirmed.contains)
            effects.append(.replaceGoalsMessage(message))
            effects.append(.postToGroup(group.sessions.goalsUpdatedNotice(plan, askAgain: !askAgain.isEmpty), mentions: askAgain))
            effects.append(.keepGoalsMessage)
        }
        return SessionChange(effects: effects, reply: reply.sessions.sessionUpdated(plan, goalsAlreadyPosted: live))
    }
}
