extension Texts {
    /// `!understood`: the student's confirmation is recorded.
    public static func understoodAck(name: String, plan: SessionPlan, language: Language) -> BotMessage {
        let body = pick(language,
                        da: "Tak, \(name) – du har bekræftet, at du har forstået målene for \(sessionLabel(plan)).",
                        en: "Thank you, \(name) — you have confirmed that you understand the goals of \(sessionLabel(plan)).")
        return BotMessage(kind: .reply, body: body, html: paragraph(body), group: plan.group, session: plan.number)
    }

    /// `!question`: the reply to the student.
    public static func questionForwarded(language: Language) -> BotMessage {
        let body = pick(language,
                        da: "Dit spørgsmål er sendt videre til vejlederne.",
                        en: "Your question has been passed on to the supervisors.")
        return BotMessage(kind: .reply, body: body, html: paragraph(body))
    }

    /// `!question`: the alert in the supervisor room, with who asked, about which session, and the question.
    public static func questionToSupervisors(
        studentName: String, userID: String, group: String?, plan: SessionPlan?, text: String, language: Language
    ) -> BotMessage {
        var about = "\(studentName) (\(userID))"
        if let group { about += ", " + groupLabel(group, language) }
        if let plan { about += pick(language, da: ", om ", en: ", about ") + sessionLabel(plan) }
        var message = MessageBuilder()
        message.line(pick(language, da: "Spørgsmål til målene fra ", en: "Question about the goals from ") + about + ":")
        message.quotation(text)
        return message.message(.alert, group: group ?? plan?.group, session: plan?.number)
    }

    /// `!criteria`: the reply to the supervisor.
    public static func criteriaPosted(text: String, language: Language) -> BotMessage {
        var message = MessageBuilder()
        message.line(pick(language,
                          da: "Vurderingskriterierne er gemt, sendt og fastgjort i alle grupperum:",
                          en: "The assessment criteria have been saved, posted and pinned in every group room:"))
        message.quotation(quote(text))
        return message.message(.reply)
    }

    /// `!criteria`: the message the bot posts and pins in a group room.
    public static func criteriaAnnouncement(text: String, group: String?, language: Language) -> BotMessage {
        var message = MessageBuilder()
        message.heading(pick(language, da: "Vurderingskriterier", en: "Assessment criteria"))
        message.line(text)
        message.line(pick(language,
                          da: "Både din egen indsats og gruppens samlede arbejde indgår i vurderingen.",
                          en: "Both your own contribution and the group's work as a whole count in the assessment."))
        return message.message(.reply, group: group)
    }
}
