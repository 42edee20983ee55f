/// One piece of supervisor feedback to keep and deliver, in the order the runtime applies it.
public enum FeedbackEffect: Sendable, Equatable {
    /// Keep the feedback in the student's record, then send `message` to their direct room.
    case toStudent(userID: String, BotMessage)
    /// Keep the feedback in the record of the `index`th group asked for, then post `message`
    /// in its room naming `mentions`.
    case toGroup(index: Int, BotMessage, mentions: [String])
}

/// The decision for `!feedback`: what is kept and sent, and the answer to the supervisor.
public struct FeedbackChange: Sendable, Equatable {
    public var effects: [FeedbackEffect]
    public var reply: BotMessage

    /// A group as feedback to it needs it: its name, members in roster order, and its room's texts.
    public struct Group: Sendable {
        public var name: String
        public var members: [String]
        public var texts: Texts

        public init(name: String, members: [String], texts: Texts) {
            self.name = name
            self.members = members
            self.texts = texts
        }
    }

    /// Feedback to one student: `name` is nil when they are not on the roster; `student` speaks
    /// their direct room's language. The message names the sender by their localpart only.
    public static func toStudent(
        _ userID: String, text: String, from sender: String, name: String?, student: Texts, say: Texts
    ) -> FeedbackChange {
        guard let name else { return FeedbackChange(effects: [], reply: say.roster.studentNotFound(userID: userID)) }
        let message = student.feedback.feedbackToStudent(text: text, from: MatrixUserID.localpart(of: sender))
        return FeedbackChange(effects: [.toStudent(userID: userID, message)], reply: say.feedback.feedbackSent(to: name))
    }

    /// Feedback to each of `groups`, everyone in the group named.
    public static func toGroups(_ groups: [Group], text: String, from sender: String, say: Texts) -> FeedbackChange {
        guard !groups.isEmpty else { return FeedbackChange(effects: [], reply: say.sessions.noGroupHere()) }
        let from = MatrixUserID.localpart(of: sender)
        let effects = groups.enumerated().map { index, group in
            FeedbackEffect.toGroup(index: index, group.texts.feedback.feedbackToGroup(text: text, group: group.name, from: from),
                                   mentions: group.members)
        }
        return FeedbackChange(effects: effects, reply: say.feedback.feedbackSent(to: groups.map(\.name).joined(separator: ", ")))
    }
}
