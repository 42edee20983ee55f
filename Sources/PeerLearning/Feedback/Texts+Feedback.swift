extension FeedbackTexts {
    /// `!feedback @user`: the supervisor's words in the student's direct room.
    public func feedbackToStudent(text: String, from supervisorName: String) -> BotMessage {
        var message = MessageBuilder()
        message.line(pick(da: "Feedback fra \(supervisorName):", en: "Feedback from \(supervisorName):"))
        message.quotation(text)
        message.line(pick(da: "Den er kun til dig. Svar gerne her, hvis du har spørgsmål.",
                          en: "It is for you only. Feel free to answer here if you have questions."))
        return message.message(.feedback)
    }

    /// `!feedback <group>`: the supervisor's words in the group room; `supervisorName` when known.
    public func feedbackToGroup(
        text: String, group: String, from supervisorName: String? = nil
    ) -> BotMessage {
        var message = MessageBuilder()
        let lead = supervisorName.map {
            pick(da: "Feedback til \(groupLabel(group)) fra \($0):",
                 en: "Feedback for \(groupLabel(group)) from \($0):")
        } ?? pick(da: "Feedback til \(groupLabel(group)) fra jeres vejleder:",
                  en: "Feedback for \(groupLabel(group)) from your supervisor:")
        message.line(lead)
        message.quotation(text)
        return message.message(.feedback, group: group)
    }

    /// The reply to the supervisor; `recipient` is a name or a group label as it should read.
    public func feedbackSent(to recipient: String) -> BotMessage {
        let text = pick(da: "Din feedback er sendt til \(recipient).", en: "Your feedback was sent to \(recipient).")
        return BotMessage(kind: .reply, paragraph: text)
    }
    /// A student's answer to feedback, for the supervisor room: their name and their (guarded)
    /// text, quoted and cut at the feedback limit so one long answer cannot fill the room.
    public func feedbackAnswer(text: String, from studentName: String) -> BotMessage {
        let limit = TextKind.feedback.limit
        var message = MessageBuilder()
        message.line(pick(da: "\(studentName) svarer på feedback:", en: "\(studentName) answers feedback:"))
        message.quotation(text.count > limit ? String(text.prefix(limit)) + "…" : text)
        if text.count > limit {
            message.line(pick(da: "(Forkortet: svaret har \(text.count) tegn.)",
                              en: "(Shortened: the answer has \(text.count) characters.)"))
        }
        return message.message(.feedback)
    }

    /// The student's acknowledgement that their answer reached the supervisors. Marked as
    /// feedback, so a further message right after it continues the same conversation.
    public func feedbackAnswerForwarded() -> BotMessage {
        let text = pick(da: "Dit svar er sendt til dine vejledere. Det gemmes ikke som refleksion.",
                        en: "Your answer was sent to your supervisors. It is not kept as a reflection.")
        return BotMessage(kind: .feedback, paragraph: text)
    }
}
