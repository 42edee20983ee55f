extension AssessmentTexts {
    /// To the supervisor: a round has started and `students` were asked in their direct rooms.
    public func assessmentStarted(group: String, students: Int) -> BotMessage {
        let who = students == 1 ? pick(da: "1 studerende", en: "1 student")
            : pick(da: "\(students) studerende", en: "\(students) students")
        let text = pick(da: "Peer-vurderingen af \(groupLabel(group)) er startet: \(who) er bedt om at vurdere hinanden i deres direkte rum. Resultatet kommer her, når alle har svaret eller fristen er nået.",
                        en: "The peer assessment of \(groupLabel(group)) has started: \(who) were asked to rate each other in their direct rooms. The results come here when everyone has answered or the deadline is reached.")
        return BotMessage(kind: .reply, paragraph: text, group: group)
    }

    /// `!evaluate` while the group already has an open round; nothing was changed.
    public func assessmentAlreadyRunning(group: String) -> BotMessage {
        let text = pick(da: "\(groupLabel(group).capitalizedFirst) er allerede i gang med en peer-vurdering. Intet er ændret.",
                        en: "\(groupLabel(group).capitalizedFirst) already has a peer assessment running. Nothing was changed.")
        return BotMessage(kind: .error, paragraph: text, group: group, error: .conflict)
    }

    /// `!evaluate` on a group with nobody to rate (fewer than two students and no self-assessment).
    public func assessmentNothingToRate(group: String) -> BotMessage {
        let text = pick(da: "I \(groupLabel(group)) er der ingen at vurdere: der skal være mindst to studerende. Intet er ændret.",
                        en: "There is nobody to rate in \(groupLabel(group)): it needs at least two students. Nothing was changed.")
        return BotMessage(kind: .error, paragraph: text, group: group, error: .conflict)
    }
}

extension String {
    /// The string with its first letter upper-cased ("gruppe A" → "Gruppe A").
    var capitalizedFirst: String {
        prefix(1).uppercased() + dropFirst()
    }
}
