import Foundation

/// One step of keeping a reflection, in the order the runtime applies it in the batch's transaction.
public enum ReflectionKeepingEffect: Sendable, Equatable {
    /// Store the reflection.
    case keep(scope: ReflectionScope, text: String, masked: Bool, late: Bool)
    /// Acknowledge the student's message with a ✅.
    case acknowledge
    /// Tell the supervisors in their room (mentioning them) that a reflection came after the summary.
    case noteToSupervisors(BotMessage)
}

/// The decision on one reflection, however it came (a thread reply, a direct-room message or
/// `!reflect`): refused when blank or too long, marked late after the student's own deadline,
/// acknowledged when asked, and a late one after the summary noted to the supervisors.
public struct ReflectionKeeping: Sendable, Equatable {
    /// What becomes of the text.
    public enum Outcome: Sendable, Equatable {
        /// Not from a student, or already kept (a replayed event): nothing happens.
        case ignored
        /// Kept, with the effects; `late` when after the student's own deadline.
        case kept(late: Bool)
        /// Not kept: the answer to give.
        case refused(BotMessage)
    }

    public var outcome: Outcome
    public var effects: [ReflectionKeepingEffect]

    /// The reflection as it arrived, already through the patient guard.
    public struct Submission: Sendable, Equatable {
        public var text: GuardedText
        public var scope: ReflectionScope
        public var sent: Date
        /// Whether the sender is a student on the roster.
        public var fromStudent: Bool
        /// Whether this event's reflection is kept already.
        public var alreadyKept: Bool

        public init(text: GuardedText, scope: ReflectionScope, sent: Date, fromStudent: Bool, alreadyKept: Bool) {
            self.text = text
            self.scope = scope
            self.sent = sent
            self.fromStudent = fromStudent
            self.alreadyKept = alreadyKept
        }
    }

    /// The round reflected on, as the student sees it.
    public struct Round: Sendable {
        public var timeline: ReflectionTimeline
        /// The round's deadline, or a later one `!extend` gave the student.
        public var ownDeadline: Date
        /// Present when the round's summary is out and there is a supervisor room to tell.
        public var lateNote: LateNote?

        public init(timeline: ReflectionTimeline, ownDeadline: Date, lateNote: LateNote?) {
            self.timeline = timeline
            self.ownDeadline = ownDeadline
            self.lateNote = lateNote
        }
    }

    /// What the supervisors' note on a late reflection needs: texts in their room's language,
    /// the student's name and the session.
    public struct LateNote: Sendable {
        public var say: Texts
        public var name: String
        public var plan: SessionPlan

        public init(say: Texts, name: String, plan: SessionPlan) {
            self.say = say
            self.name = name
            self.plan = plan
        }
    }

    public init(outcome: Outcome, effects: [ReflectionKeepingEffect]) {
        self.outcome = outcome
        self.effects = effects
    }

    /// `refusals` speaks the language of the room the text came in; `acknowledge` asks for the
    /// ✅, which is left out when the guard redacts the student's message (`redactsMasked`) and
    /// this text had something masked.
    public static func decide(
        _ submission: Submission, round: Round, acknowledge: Bool, redactsMasked: Bool, refusals: Texts
    ) -> ReflectionKeeping {
        if let decided = screen(submission, refusals: refusals) { return decided }
        let late = round.timeline.isLate(sent: submission.sent, ownDeadline: round.ownDeadline)
        var effects: [ReflectionKeepingEffect] = [.keep(scope: submission.scope, text: submission.text.text,
                                                        masked: submission.text.isMasked, late: late)]
        if acknowledge && !(submission.text.isMasked && redactsMasked) { effects.append(.acknowledge) }
        if late, let note = round.lateNote {
            effects.append(.noteToSupervisors(note.say.reflections.lateReflectionNote(name: note.name, plan: note.plan)))
        }
        return ReflectionKeeping(outcome: .kept(late: late), effects: effects)
    }

    /// The decision when it needs nothing of the round (not from a student, refused, kept
    /// already); nil when the round decides, so the round is read only then.
    public static func screen(_ submission: Submission, refusals: Texts) -> ReflectionKeeping? {
        guard submission.fromStudent else { return ReflectionKeeping(outcome: .ignored, effects: []) }
        if let refusal = refusal(ofReflection: submission.text.text, say: refusals) {
            return ReflectionKeeping(outcome: .refused(refusal), effects: [])
        }
        return submission.alreadyKept ? ReflectionKeeping(outcome: .ignored, effects: []) : nil
    }

    /// Whether the supervisors' note is wanted: only for a late reflection on a round whose
    /// summary is out, so the note's facts are read only then.
    public static func wantsLateNote(sent: Date, timeline: ReflectionTimeline, ownDeadline: Date, summarized: Bool) -> Bool {
        summarized && timeline.isLate(sent: sent, ownDeadline: ownDeadline)
    }

    /// Why a reflection's text cannot be kept (blank, or over the limit), or nil when it can.
    public static func refusal(ofReflection text: String, say: Texts) -> BotMessage? {
        if TextLimits.isBlank(text) { return say.emptyReflection() }
        let length = text.count
        return length > TextKind.reflection.limit ? say.textTooLong(.reflection, length: length) : nil
    }
}
