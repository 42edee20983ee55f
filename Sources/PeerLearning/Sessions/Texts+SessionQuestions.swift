extension Texts {
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

    /// `!criteria`: the reply to the supervisor.
    public func criteriaPosted(text: String) -> BotMessage {
        var message = MessageBuilder()
        message.line(pick(da: "Vurderingskriterierne er gemt, sendt og fastgjort i alle grupperum:",
                          en: "The assessment criteria have been saved, posted and pinned in every group room:"))
        message.quotation(Self.quote(text))
        return message.message(.reply)
    }

    /// `!criteria`: the message the bot posts and pins in a group room.
    public func criteriaAnnouncement(text: String, group: String?) -> BotMessage {
        var message = MessageBuilder()
        message.heading(pick(da: "Vurderingskriterier", en: "Assessment criteria"))
        message.line(text)
        message.line(pick(da: "Både din egen indsats og gruppens samlede arbejde indgår i vurderingen.",
                          en: "Both your own contribution and the group's work as a whole count in the assessment."))
        return message.message(.reply, group: group)
    }
}
