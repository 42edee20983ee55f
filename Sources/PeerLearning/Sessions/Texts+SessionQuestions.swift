extension SessionTexts {
    /// `!understood`: the student's confirmation is recorded.
    public func understoodAck(name: String, plan: SessionPlan) -> BotMessage {
        let body = pick(da: "Tak, \(name) – du har bekræftet, at du har forstået målene for \(Self.sessionLabel(plan)).",
                        en: "Thank you, \(name) — you have confirmed that you understand the goals of \(Self.sessionLabel(plan)).")
        return BotMessage(kind: .reply, paragraph: body, group: plan.group, session: plan.number)
    }

    /// `!question`: the reply to the student.
    public func questionForwarded() -> BotMessage {
        let body = pick(da: "Dit spørgsmål er sendt videre til vejlederne.",
                        en: "Your question has been passed on to the supervisors.")
        return BotMessage(kind: .reply, paragraph: body)
    }

    /// `!question`: the alert in the supervisor room, with who asked, about which session, and the question.
    public func questionToSupervisors(
        studentName: String, userID: String, group: String?, plan: SessionPlan?, text: String
    ) -> BotMessage {
        var about = "\(studentName) (\(userID))"
        if let group { about += ", " + groupLabel(group) }
        if let plan { about += pick(da: ", om ", en: ", about ") + Self.sessionLabel(plan) }
        var message = MessageBuilder()
        message.line(pick(da: "Spørgsmål til målene fra ", en: "Question about the goals from ") + about + ":")
        message.quotation(text)
        return message.message(.alert, group: group ?? plan?.group, session: plan?.number)
    }
}
