import Foundation

extension SessionTexts {
    /// The goals message in the group room: everything a student needs before the session,
    /// and how to confirm the goals or ask about them.
    public func sessionGoals(
        _ plan: SessionPlan, facilitatorName: String?, criteria: String?, timeZone: ZoneRules
    ) -> BotMessage {
        let none = pick(da: "ingen angivet endnu", en: "none stated yet")
        var message = MessageBuilder()
        message.heading(pick(da: "Mål for session ", en: "Goals for session ") + Self.sessionLabel(plan))
        message.labelled(pick(da: "Tid", en: "Time"), timeWithLength(plan, timeZone))
        message.labelled("Facilitator", facilitatorName ?? theSupervisor())
        let goalsLabel = pick(da: "Mål", en: "Goals")
        if plan.goals.isEmpty { message.labelled(goalsLabel, none) } else { message.list(goalsLabel, plan.goals) }
        if !plan.outcomes.isEmpty {
            message.list(pick(da: "Forventede resultater", en: "Expected outcomes"), plan.outcomes)
        }
        if let activity = activityLine(plan) {
            message.labelled(pick(da: "Aktivitet", en: "Activity"), activity)
        }
        if let criteria, !criteria.isEmpty {
            message.labelled(pick(da: "Vurderingskriterier", en: "Assessment criteria"), criteria)
        }
        message.line(confirmHowTo())
        return message.message(.goals, group: plan.group, session: plan.number)
    }

    /// After the goals message was edited: a short notice, asking those who had confirmed to confirm again.
    public func goalsUpdatedNotice(_ plan: SessionPlan, askAgain: Bool = true) -> BotMessage {
        let understood = call(.understood)
        let da = language == .da
        var message = MessageBuilder()
        var parts: [MessageInline] = [
            .text(da ? "Målene for \(Self.sessionLabel(plan)) er ændret – se den opdaterede målbesked."
                     : "The goals for \(Self.sessionLabel(plan)) have changed — see the updated goals message."),
        ]
        if askAgain {
            parts += [
                .text(da ? " Du havde bekræftet, så bekræft venligst igen: reagér med ✅ på målbeskeden eller skriv "
                         : " You had confirmed, so please confirm again: react ✅ to the goals message or write "),
                .code(understood), .text("."),
            ]
        }
        message.line(parts)
        return message.message(.reminder, group: plan.group, session: plan.number)
    }

    /// "diskussion: brief" — nil when no activity is set.
    func activityLine(_ plan: SessionPlan) -> String? {
        guard let activity = plan.activity else { return nil }
        let name = activityName(activity)
        guard let brief = plan.activityBrief, !brief.isEmpty else { return name }
        return name + " – " + brief
    }

    /// The activity kind as a phrase ("problemløsning", "a case").
    func activityName(_ kind: ActivityKind) -> String {
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

    private func confirmHowTo() -> [MessageInline] {
        let da = language == .da
        return [
            .text(da ? "Bekræft, at du har forstået målene: reagér med ✅ (eller ✔️ / 👍) på denne besked, eller skriv "
                     : "Please confirm that you understand the goals: react ✅ (or ✔️ / 👍) to this message, or write "),
            .code(call(.understood)),
            .text(da ? ". Er noget uklart, så spørg med " : ". If anything is unclear, ask with "),
            .code(call(.question, da ? "<tekst>" : "<text>")),
            .text(da ? " – spørgsmålet går til vejlederne." : " — your question goes to the supervisors."),
        ]
    }
}
