extension Texts {
    /// To the supervisor: a round has started and `students` were asked in their direct rooms.
    public static func assessmentStarted(group: String, students: Int, language: Language) -> BotMessage {
        let who = students == 1 ? pick(language, da: "1 studerende", en: "1 student")
            : pick(language, da: "\(students) studerende", en: "\(students) students")
        let text = pick(language,
                        da: "Peer-vurderingen af \(groupLabel(group, language)) er startet: \(who) er bedt om at vurdere hinanden i deres direkte rum. Resultatet kommer her, når alle har svaret eller fristen er nået.",
                        en: "The peer assessment of \(groupLabel(group, language)) has started: \(who) were asked to rate each other in their direct rooms. The results come here when everyone has answered or the deadline is reached.")
        return BotMessage(kind: .reply, body: text, html: paragraph(text), group: group)
    }

    /// `!evaluate` while the group already has an open round; nothing was changed.
    public static func assessmentAlreadyRunning(group: String, language: Language) -> BotMessage {
        let text = pick(language,
                        da: "\(groupLabel(group, language).capitalizedFirst) er allerede i gang med en peer-vurdering. Intet er ændret.",
                        en: "\(groupLabel(group, language).capitalizedFirst) already has a peer assessment running. Nothing was changed.")
        return BotMessage(kind: .error, body: text, html: paragraph(text), group: group, error: .conflict)
    }

    /// `!evaluate` on a group with nobody to rate (fewer than two students and no self-assessment).
    public static func assessmentNothingToRate(group: String, language: Language) -> BotMessage {
        let text = pick(language,
                        da: "I \(groupLabel(group, language)) er der ingen at vurdere: der skal være mindst to studerende. Intet er ændret.",
                        en: "There is nobody to rate in \(groupLabel(group, language)): it needs at least two students. Nothing was changed.")
        return BotMessage(kind: .error, body: text, html: paragraph(text), group: group, error: .conflict)
    }
}

extension String {
    /// The string with its first letter upper-cased ("gruppe A" → "Gruppe A").
    var capitalizedFirst: String {
        prefix(1).uppercased() + dropFirst()
    }
}
