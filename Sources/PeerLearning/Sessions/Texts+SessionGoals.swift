import Foundation

extension Texts {
    /// The goals message in the group room: everything a student needs before the session,
    /// and how to confirm the goals or ask about them.
    public static func sessionGoals(
        _ plan: SessionPlan, facilitatorName: String?, criteria: String?, timeZone: ZoneRules,
        language: Language, prefix: String = "!"
    ) -> BotMessage {
        let none = pick(language, da: "ingen angivet endnu", en: "none stated yet")
        var message = MessageBuilder()
        message.heading(pick(language, da: "Mål for session ", en: "Goals for session ") + sessionLabel(plan))
        message.labelled(pick(language, da: "Tid", en: "Time"), timeWithLength(plan, timeZone, language))
        message.labelled("Facilitator", facilitatorName ?? theSupervisor(language))
        let goalsLabel = pick(language, da: "Mål", en: "Goals")
        if plan.goals.isEmpty { message.labelled(goalsLabel, none) } else { message.list(goalsLabel, plan.goals) }
        if !plan.outcomes.isEmpty {
            message.list(pick(language, da: "Forventede resultater", en: "Expected outcomes"), plan.outcomes)
        }
        if let activity = activityLine(plan, language) {
            message.labelled(pick(language, da: "Aktivitet", en: "Activity"), activity)
        }
        if let criteria, !criteria.isEmpty {
            message.labelled(pick(language, da: "Vurderingskriterier", en: "Assessment criteria"), criteria)
        }
        message.line(confirmHowTo(prefix, language))
        return message.message(.goals, group: plan.group, session: plan.number)
    }

    /// After the goals message was edited: a short notice, asking those who had confirmed to confirm again.
    public static func goalsUpdatedNotice(_ plan: SessionPlan, askAgain: Bool = true, language: Language,
                                          prefix: String = "!") -> BotMessage {
        let understood = call(.understood, prefix, language)
        let da = language == .da
        var message = MessageBuilder()
        var parts: [Piece] = [
            .text(da ? "Målene for \(sessionLabel(plan)) er ændret – se den opdaterede målbesked."
                     : "The goals for \(sessionLabel(plan)) have changed — see the updated goals message."),
        ]
        if askAgain {
            parts += [
                .text(da ? " Du havde bekræftet, så bekræft venligst igen: reagér med ✅ på målbeskeden eller skriv "
                         : " You had confirmed, so please confirm again: react ✅ to the goals message or write "),
                .command(understood), .text("."),
            ]
        }
        message.line(parts)
        return message.message(.reminder, group: plan.group, session: plan.number)
    }

    /// "diskussion: brief" — nil when no activity is set.
    static func activityLine(_ plan: SessionPlan, _ language: Language) -> String? {
        guard let activity = plan.activity else { return nil }
        let name = activityName(activity, language)
        guard let brief = plan.activityBrief, !brief.isEmpty else { return name }
        return name + " – " + brief
    }

    /// The activity kind as a phrase ("problemløsning", "a case").
    static func activityName(_ kind: ActivityKind, _ language: Language) -> String {
        switch (kind, language) {
        case (.discussion, .da): "diskussion"
        case (.problem, .da): "problemløsning"
        case (.project, .da): "fælles projekt"
        case (.case, .da): "case"
        case (.discussion, .en): "discussion"
        case (.problem, .en): "problem-solving exercise"
        case (.project, .en): "collaborative project"
        case (.case, .en): "case"
        }
    }

    private static func confirmHowTo(_ prefix: String, _ language: Language) -> [Piece] {
        let da = language == .da
        return [
            .text(da ? "Bekræft, at du har forstået målene: reagér med ✅ (eller ✔️ / 👍) på denne besked, eller skriv "
                     : "Please confirm that you understand the goals: react ✅ (or ✔️ / 👍) to this message, or write "),
            .command(call(.understood, prefix, language)),
            .text(da ? ". Er noget uklart, så spørg med " : ". If anything is unclear, ask with "),
            .command(call(.question, prefix, language, da ? "<tekst>" : "<text>")),
            .text(da ? " – spørgsmålet går til vejlederne." : " — your question goes to the supervisors."),
        ]
    }
}
