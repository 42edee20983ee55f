import Foundation

/// One step of passing a student's answer to feedback on, in the order the runtime applies it.
public enum FeedbackAnswerEffect: Sendable, Equatable {
    /// Post `message` in the supervisor room, naming the supervisors.
    case toSupervisors(BotMessage)
    /// Answer the student in their direct room: in reply to their message, or, when that
    /// message is being redacted (it cannot be replied to then), naming them instead.
    case answer(BotMessage, inReply: Bool)
}

/// The decision on a student's answer to feedback in their direct room: forwarded (after the
/// patient guard) to the supervisors, never stored, and the student told where it went.
public struct FeedbackAnswerForwarding: Sendable, Equatable {
    public var effects: [FeedbackAnswerEffect]

    public init(effects: [FeedbackAnswerEffect]) {
        self.effects = effects
    }

    /// The text to pass on, trimmed; nil when it is blank (nothing is forwarded or answered).
    public static func text(of body: String) -> String? {
        let text = body.trimmingCharacters(in: .whitespacesAndNewlines)
        return TextLimits.isBlank(text) ? nil : text
    }

    /// `kept` is `text(of:)` after the patient guard; `redactsMasked` when `patient_guard: redact`.
    /// `supervisors` speaks the supervisor room's language, `student` the direct room's.
    public static func decide(_ kept: GuardedText, from name: String, redactsMasked: Bool, supervisors: Texts,
                              student: Texts) -> FeedbackAnswerForwarding {
        let redacted = kept.isMasked && redactsMasked
        return FeedbackAnswerForwarding(effects: [
            .toSupervisors(supervisors.feedback.feedbackAnswer(text: kept.text, from: name)),
            .answer(student.feedback.feedbackAnswerForwarded(), inReply: !redacted),
        ])
    }
}
