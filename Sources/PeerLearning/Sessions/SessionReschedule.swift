import Foundation

/// One step of moving or cancelling a session, in the order the runtime applies it.
public enum SessionRescheduleEffect: Sendable, Equatable {
    /// Store the session's new start.
    case move(to: Date)
    /// Store the session as cancelled.
    case cancel
    /// Post `message` to the group's room.
    case postToGroup(BotMessage)
    /// Rewrite the group room's topic, which names the next session.
    case updateTopic
}

/// The decision for `!session move` and `!session cancel`.
public struct SessionReschedule: Sendable, Equatable {
    public var effects: [SessionRescheduleEffect]
    public var reply: BotMessage

    public init(effects: [SessionRescheduleEffect], reply: BotMessage) {
        self.effects = effects
        self.reply = reply
    }

    /// `!session move`: only a session that has not begun moves (its moments, reflection
    /// included, would otherwise run twice), and only to a time the bounds allow. `group`
    /// speaks the group room's language; nil when the session's group is gone, when the move is
    /// stored but nobody is told.
    public static func move(
        _ plan: SessionPlan, to when: WhenSpec, now: Date, timeZone: ZoneRules, group: Texts?, say: Texts
    ) -> SessionReschedule {
        guard plan.start > now else { return SessionReschedule(effects: [], reply: say.sessions.sessionAlreadyStarted()) }
        guard let start = when.resolve(now: now, timeZone: timeZone) else {
            return SessionReschedule(effects: [], reply: say.badArguments(.sessionMove))
        }
        if let refusal = SessionBounds.refusal(start: start, seconds: 0, now: now, language: say.language) {
            return SessionReschedule(effects: [], reply: refusal)
        }
        guard let group else { return SessionReschedule(effects: [.move(to: start)], reply: say.sessions.noSuchSession(number: plan.number)) }
        var moved = plan
        moved.start = start
        return SessionReschedule(
            effects: [.move(to: start), .postToGroup(group.sessions.sessionMoved(moved, from: plan.start, timeZone: timeZone)), .updateTopic],
            reply: say.sessions.sessionMoved(moved, from: plan.start, timeZone: timeZone))
    }

    /// `!session cancel`: the group is told, and its topic names the next session instead.
    public static func cancel(_ plan: SessionPlan, timeZone: ZoneRules, group: Texts?, say: Texts) -> SessionReschedule {
        guard let group else { return SessionReschedule(effects: [.cancel], reply: say.sessions.noSuchSession(number: plan.number)) }
        var cancelled = plan
        cancelled.cancelled = true
        return SessionReschedule(
            effects: [.cancel, .postToGroup(group.sessions.sessionCancelled(cancelled, timeZone: timeZone)), .updateTopic],
            reply: say.sessions.sessionCancelled(cancelled, timeZone: timeZone))
    }
}
