/// How a message reaches people: a notice that stays quiet, or a text that notifies.
public struct MessageDelivery: Sendable, Equatable {
    /// `m.text` or `m.notice`.
    public var msgtype: String
    /// `m.mentions.user_ids`: exactly the people asked to act, in order, each once.
    public var mentions: [String]

    /// Whether the event carries `m.mentions` at all: only `m.text` does. A notice names no one,
    /// and `.m.rule.suppress_notices` keeps it quiet without the field, which Synapse 1.163
    /// spends about 5 ms of CPU checking on every event that has it (docs/architecture.md).
    public var carriesMentions: Bool { msgtype == "m.text" }

    /// The delivery of a message of `kind` that asks `concerned` to act; an answer to a
    /// command (`isAnswer`) is always a quiet notice naming no one, since the asker is
    /// looking at the room already and default push rules silence notices. The one exception
    /// is `undecryptable`: it answers a message sent minutes before, whose sender has moved on.
    public static func of(_ kind: MessageKind, isAnswer: Bool, concerned: [String]) -> MessageDelivery {
        guard kind.asksToAct, !isAnswer || kind == .undecryptable else { return MessageDelivery(msgtype: "m.notice", mentions: []) }
        var seen = Set<String>()
        let unique = concerned.filter { !$0.isEmpty && seen.insert($0).inserted }
        return MessageDelivery(msgtype: "m.text", mentions: unique)
    }
}

extension MessageKind {
    /// Whether a message of this kind asks someone to act (SPEC "Commands"), so their client
    /// must notify them: `.m.rule.suppress_notices` silences `m.notice`.
    public var asksToAct: Bool {
        switch self {
        case .welcome, .goals, .sessionStart, .facilitatorPrompt, .reflectionPrompt, .reminder,
             .assessmentRequest, .assessmentResult, .release, .feedback, .alert, .guard, .undecryptable:
            return true
        case .help, .reply, .error, .roster, .groupProposal, .groupsCreated, .reflectionAck,
             .summary, .tasks, .status, .export, .mydata, .overview, .progress:
            return false
        }
    }
}
