extension Texts {
    /// `!criteria`: the supervisors' assessment criteria as posted (and pinned) in a group room.
    public static func criteriaPosted(text: String, group: String, language: Language) -> BotMessage {
        var message = MessageBuilder()
        message.heading(pick(language, da: "Vurderingskriterier – ", en: "Assessment criteria — ") + groupLabel(group, language))
        message.quotation(text)
        message.line(pick(language,
                          da: "Kriterierne gælder for jeres peer-vurderinger og for vejledernes feedback.",
                          en: "These criteria apply to your peer assessments and to your supervisors' feedback."))
        return message.message(.reply, group: group)
    }

    /// `!criteria`: the reply to the supervisor, saying in how many group rooms they were posted.
    public static func criteriaSet(groups: Int, language: Language) -> BotMessage {
        let rooms = groups == 1 ? pick(language, da: "1 grupperum", en: "1 group room")
            : pick(language, da: "\(groups) grupperum", en: "\(groups) group rooms")
        let text = groups == 0
            ? pick(language, da: "Vurderingskriterierne er gemt. Der er endnu ingen grupperum; de slås op, når grupperne er oprettet.",
                   en: "The assessment criteria are saved. There are no group rooms yet; they will be posted when the groups are created.")
            : pick(language, da: "Vurderingskriterierne er gemt og slået op og fastgjort i \(rooms).",
                   en: "The assessment criteria are saved, and posted and pinned in \(rooms).")
        return BotMessage(kind: .reply, body: text, html: paragraph(text))
    }
}
