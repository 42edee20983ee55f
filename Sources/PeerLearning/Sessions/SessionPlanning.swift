import Foundation

/// One step of `!session plan`, in the order the runtime applies it in the batch's transaction.
public enum SessionPlanningEffect: Sendable, Equatable {
    /// Store `plan` as a new session of group `groupID`, under `plan.number`.
    case plan(SessionPlan, groupID: Int64)
    /// Set the group room's topic, which names the group's next session.
    case setTopic(groupID: Int64, topic: String)
}

/// The decision for `!session plan`: the sessions, numbered here, and the topics that follow.
public struct SessionPlanning: Sendable, Equatable {
    public var effects: [SessionPlanningEffect]
    public var reply: BotMessage

    /// A group a session is planned for, as the decision needs it.
    public struct Group: Sendable, Equatable {
        public var id: Int64
        public var name: String
        /// The group room's language, which its topic is written in.
        public var language: Language
        /// The group's next session before this plan (not cancelled, not yet ended), if any.
        public var next: SessionPlan?

        public init(id: Int64, name: String, language: Language, next: SessionPlan?) {
            self.id = id
            self.name = name
            self.language = language
            self.next = next
        }
    }

    public init(effects: [SessionPlanningEffect], reply: BotMessage) {
        self.effects = effects
        self.reply = reply
    }

    /// `firstNumber` is the lowest session number never used (numbers run across all groups and
    /// are never used twice); the groups get consecutive numbers from it in the order given.
    public static func decide(
        _ groups: [Group], when: WhenSpec, duration: DurationSpec, title: String, firstNumber: Int,
        now: Date, timeZone: ZoneRules, say: Texts
    ) -> SessionPlanning {
        guard let start = when.resolve(now: now, timeZone: timeZone) else {
            return SessionPlanning(effects: [], reply: say.badArguments(.sessionPlan))
        }
        if let refusal = SessionBounds.refusal(start: start, seconds: duration.seconds, now: now, language: say.language) {
            return SessionPlanning(effects: [], reply: refusal)
        }
        guard !groups.isEmpty else { return SessionPlanning(effects: [], reply: say.groups.groupsOverview([])) }
        var effects: [SessionPlanningEffect] = []
        var plans: [SessionPlan] = []
        for (offset, group) in groups.enumerated() {
            let plan = SessionPlan(number: firstNumber + offset, group: group.name, title: title, start: start, duration: duration.seconds)
            plans.append(plan)
            effects.append(.plan(plan, groupID: group.id))
            effects.append(.setTopic(groupID: group.id, topic: topic(next: nextSession(group.next, or: plan), timeZone: timeZone,
                                                                      language: group.language)))
        }
        return SessionPlanning(effects: effects, reply: say.sessions.sessionPlanned(plans, timeZone: timeZone))
    }

    /// The group room's topic when `next` is its next session (nil: none planned).
    public static func topic(next: SessionPlan?, timeZone: ZoneRules, language: Language) -> String {
        let session = next.map { "#\($0.number) \($0.title), " + SessionTimeFormat.dateTime($0.start, timeZone: timeZone, language: language) }
        return CohortNaming.groupRoomTopic(nextSession: session, language: language)
    }

    /// The earlier of the two; on the same start the one planned first (lower number), as the
    /// store orders them.
    private static func nextSession(_ earlier: SessionPlan?, or planned: SessionPlan) -> SessionPlan {
        guard let earlier, earlier.start <= planned.start else { return planned }
        return earlier
    }
}
