import Foundation

/// Where `!reflect` was written, seen from the student who wrote it.
public enum ReflectPlace: Sendable, Equatable {
    /// Their own group's room: a group reflection.
    case ownGroupRoom
    /// Their own direct room with the bot: a private one.
    case ownDirectRoom
    /// Anywhere else, where a reflection is not taken.
    case elsewhere
}

/// The decision for `!reflect <text>`: the effects of keeping it, and the answer.
public struct ReflectCommand: Sendable, Equatable {
    public var effects: [ReflectionKeepingEffect]
    public var reply: BotMessage

    public init(effects: [ReflectionKeepingEffect], reply: BotMessage) {
        self.effects = effects
        self.reply = reply
    }

    /// `plan` and `round` are the session and round of the student's group's latest round, nil
    /// when there is none. Private only where only the student and the bot read it; shared only
    /// in their own group's room. The answer says whether it counts as late even when the text
    /// was kept already (a replay answers the same).
    public static func decide(
        _ text: GuardedText, sent: Date, plan: SessionPlan?, round: ReflectionKeeping.Round?, place: ReflectPlace,
        fromStudent: Bool, alreadyKept: Bool, redactsMasked: Bool, refusals: Texts, say: Texts
    ) -> ReflectCommand {
        guard let plan, let round else { return ReflectCommand(effects: [], reply: say.reflections.noOpenReflection()) }
        let scope: ReflectionScope
        switch place {
        case .ownGroupRoom: scope = .group
        case .ownDirectRoom: scope = .private
        case .elsewhere: return ReflectCommand(effects: [], reply: say.privacy.reflectNotHere())
        }
        let submission = ReflectionKeeping.Submission(text: text, scope: scope, sent: sent, fromStudent: fromStudent, alreadyKept: alreadyKept)
        let keeping = ReflectionKeeping.decide(submission, round: round, acknowledge: false, redactsMasked: redactsMasked, refusals: refusals)
        if case .refused(let answer) = keeping.outcome { return ReflectCommand(effects: [], reply: answer) }
        let late = round.timeline.isLate(sent: sent, ownDeadline: round.ownDeadline)
        return ReflectCommand(effects: keeping.effects, reply: say.reflections.reflectionAck(plan: plan, scope: scope, late: late))
    }
}
