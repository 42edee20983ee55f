import Foundation

extension SessionTexts {
    /// `!session plan`: each planned session with its `#id`, group and time, and what to add next.
    public func sessionPlanned(
        _ plans: [SessionPlan], timeZone: ZoneRules
    ) -> BotMessage {
        let da = language == .da
        let lines = plans.map { plan in
            "#\(plan.number) · \(groupLabel(plan.group)) · \(Texts.quote(plan.title)) · \(timeWithLength(plan, timeZone))"
        }
        var message = MessageBuilder()
        if plans.count == 1, let only = lines.first {
            message.line((da ? "Planlagt: " : "Planned: ") + only + ".")
        } else {
            message.list(da ? "Planlagt \(plans.count) sessioner" : "Planned \(plans.count) sessions", lines)
        }
        let number = plans.count == 1 ? "#\(plans[0].number)" : "#nr"
        message.line([
            .text(da ? "Tilføj mål med " : "Add goals with "),
            .code(call(.sessionGoal, number + (da ? " <tekst>" : " <text>"))),
            .text(da ? ", forventede resultater med " : ", expected outcomes with "),
            .code(call(.sessionOutcome, number + (da ? " <tekst>" : " <text>"))),
            .text(da ? " og aktiviteten med " : " and the activity with "),
            .code(call(.sessionActivity, number + " …")), .text("."),
        ])
        let single = plans.count == 1 ? plans[0] : nil
        let groups = Set(plans.map(\.group))
        return message.message(.reply, group: groups.count == 1 ? groups.first : nil, session: single?.number)
    }

    /// `!session move`: told to the group and the supervisor.
    public func sessionMoved(
        _ plan: SessionPlan, from: Date, timeZone: ZoneRules
    ) -> BotMessage {
        let old = SessionTimeFormat.dateTime(from, timeZone: timeZone, language: language)
        let new = SessionTimeFormat.dateTime(plan.start, timeZone: timeZone, language: language)
        let body = pick(da: "Session \(Self.sessionLabel(plan)) (\(groupLabel(plan.group))) er flyttet fra \(old) til \(new).",
                        en: "Session \(Self.sessionLabel(plan)) (\(groupLabel(plan.group))) has been moved from \(old) to \(new).")
        return BotMessage(kind: .reply, paragraph: body, group: plan.group, session: plan.number)
    }

    /// `!session cancel`: told to the group and the supervisor.
    public func sessionCancelled(_ plan: SessionPlan, timeZone: ZoneRules) -> BotMessage {
        let when = SessionTimeFormat.dateTime(plan.start, timeZone: timeZone, language: language)
        let body = pick(da: "Session \(Self.sessionLabel(plan)) (\(groupLabel(plan.group))), \(when), er aflyst.",
                        en: "Session \(Self.sessionLabel(plan)) (\(groupLabel(plan.group))) on \(when) has been cancelled.")
        return BotMessage(kind: .reply, paragraph: body, group: plan.group, session: plan.number)
    }

    /// No session has that number (or, for nil, the group has no upcoming session).
    public func noSuchSession(number: Int?) -> BotMessage {
        let da = language == .da
        var message = MessageBuilder()
        message.line([
            .text(number.map { da ? "Der findes ingen session #\($0). " : "There is no session #\($0). " }
                ?? (da ? "Gruppen har ingen kommende session. " : "The group has no upcoming session. ")),
            .text(da ? "Se sessionerne med " : "See the sessions with "),
            .code(call(.sessions)), .text("."),
        ])
        return message.message(.error, error: .notFound)
    }

    /// A group command outside a group room without a group named.
    public func noGroupHere() -> BotMessage {
        let body = pick(da: "Skriv hvilken gruppe du mener (fx A, eller alle) – uden for et grupperum kan botten ikke vide det.",
                        en: "Name the group you mean (for example A, or all) — outside a group room the bot cannot tell.")
        return BotMessage(kind: .error, paragraph: body, error: .badArguments)
    }

    /// A session planned or moved to a time that has passed.
    public func sessionInPast() -> BotMessage {
        let body = pick(da: "Det tidspunkt er allerede passeret. Vælg et tidspunkt i fremtiden. Intet er ændret.",
                        en: "That time has already passed. Choose a time in the future. Nothing was changed.")
        return BotMessage(kind: .error, paragraph: body, error: .badArguments)
    }

    /// A session longer than a session can be.
    public func sessionTooLong(hours: Int) -> BotMessage {
        let body = pick(da: "En session kan højst vare \(hours) timer. Vælg en kortere varighed. Intet er ændret.",
                        en: "A session can last at most \(hours) hours. Choose a shorter duration. Nothing was changed.")
        return BotMessage(kind: .error, paragraph: body, error: .badArguments)
    }

    /// A session planned or moved too far ahead.
    public func sessionTooFarAhead(days: Int) -> BotMessage {
        let body = pick(da: "En session kan højst planlægges \(days) dage frem. Vælg et tidligere tidspunkt. Intet er ændret.",
                        en: "A session can be planned at most \(days) days ahead. Choose an earlier time. Nothing was changed.")
        return BotMessage(kind: .error, paragraph: body, error: .badArguments)
    }

    /// `!session move` of a session that has already begun.
    public func sessionAlreadyStarted() -> BotMessage {
        let plan = prefix + CommandName.sessionPlan.displayWord(in: language)
        let body = pick(da: "Den session er allerede begyndt og kan ikke flyttes. Planlæg en ny med \(plan). Intet er ændret.",
                        en: "That session has already begun and cannot be moved. Plan a new one with \(plan). Nothing was changed.")
        return BotMessage(kind: .error, paragraph: body, error: .conflict)
    }
}
