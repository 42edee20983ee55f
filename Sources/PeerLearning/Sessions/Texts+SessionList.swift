import Foundation

extension SessionTexts {
    /// `!sessions`: planned sessions (with their facilitator where decided) and past ones.
    /// `facilitators` maps session number to the facilitator's name as shown.
    public func sessionsList(
        _ plans: [SessionPlan], facilitators: [Int: String], now: Date, timeZone: ZoneRules
    ) -> BotMessage {
        let sorted = plans.sorted { ($0.start, $0.number) < ($1.start, $1.number) }
        let upcoming = sorted.filter { !$0.hasEnded(at: now) }
        let past = sorted.filter { $0.hasEnded(at: now) }
        let groups = Set(plans.map(\.group))
        var message = MessageBuilder()
        guard !plans.isEmpty else {
            message.line(pick(da: "Der er ingen sessioner endnu.", en: "There are no sessions yet."))
            return message.message(.reply)
        }
        let line = { (plan: SessionPlan) in
            sessionListLine(plan, facilitator: facilitators[plan.number], now: now, showGroup: groups.count > 1,
                            timeZone: timeZone)
        }
        let upcomingLabel = pick(da: "Planlagte sessioner", en: "Planned sessions")
        if upcoming.isEmpty {
            message.labelled(upcomingLabel, pick(da: "ingen", en: "none"))
        } else {
            message.list(upcomingLabel, upcoming.map(line))
        }
        if !past.isEmpty { message.list(pick(da: "Tidligere sessioner", en: "Past sessions"), past.map(line)) }
        return message.message(.reply, group: groups.count == 1 ? groups.first : nil)
    }

    private func sessionListLine(
        _ plan: SessionPlan, facilitator: String?, now: Date, showGroup: Bool, timeZone: ZoneRules
    ) -> String {
        var line = "#\(plan.number) "
        if showGroup { line += "(\(groupLabel(plan.group))) " }
        line += plan.title + ", " + SessionTimeFormat.span(plan, timeZone: timeZone, language: language)
        if plan.cancelled {
            line += pick(da: " – aflyst", en: " — cancelled")
        } else {
            if plan.start <= now, !plan.hasEnded(at: now) { line += pick(da: " – i gang nu", en: " — in progress") }
            if let facilitator { line += pick(da: " – facilitator: ", en: " — facilitator: ") + facilitator }
        }
        return line
    }
}
