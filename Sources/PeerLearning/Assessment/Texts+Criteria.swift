extension AssessmentTexts {
    /// `!criteria`: the supervisors' assessment criteria as posted (and pinned) in a group room.
    public func criteriaPosted(text: String, group: String) -> BotMessage {
        var message = MessageBuilder()
        message.heading(pick(da: "Vurderingskriterier – ", en: "Assessment criteria — ") + groupLabel(group))
        message.quotation(text)
        message.line(pick(da: "Kriterierne gælder for jeres peer-vurderinger og for vejledernes feedback.",
                          en: "These criteria apply to your peer assessments and to your supervisors' feedback."))
        return message.message(.reply, group: group)
    }

    /// `!criteria`: the reply to the supervisor, saying in how many group rooms they were posted.
    public func criteriaSet(groups: Int) -> BotMessage {
        let rooms = groups == 1 ? pick(da: "1 grupperum", en: "1 group room")
            : pick(da: "\(groups) grupperum", en: "\(groups) group rooms")
        let text = groups == 0
            ? pick(da: "Vurderingskriterierne er gemt. Der er endnu ingen grupperum; de slås op, når grupperne er oprettet.",
                   en: "The assessment criteria are saved. There are no group rooms yet; they will be posted when the groups are created.")
            : pick(da: "Vurderingskriterierne er gemt og slået op og fastgjort i \(rooms).",
                   en: "The assessment criteria are saved, and posted and pinned in \(rooms).")
        return BotMessage(kind: .reply, paragraph: text)
    }

    /// `!criteria`: the reply to the supervisor.
    public func criteriaPosted(text: String) -> BotMessage {
        var message = MessageBuilder()
        message.line(pick(da: "Vurderingskriterierne er gemt, sendt og fastgjort i alle grupperum:",
                          en: "The assessment criteria have been saved, posted and pinned in every group room:"))
        message.quotation(Texts.quote(text))
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
