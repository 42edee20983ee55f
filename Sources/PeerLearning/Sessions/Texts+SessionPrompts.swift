extension SessionTexts {
    /// At the start, in the group room: names the facilitator and asks them to open with the
    /// goals and make sure everyone speaks.
    public func sessionStart(
        _ plan: SessionPlan, facilitatorName: String?, isStudentFacilitator: Bool
    ) -> BotMessage {
        let who = facilitatorName ?? theSupervisor()
        var message = MessageBuilder()
        message.heading(pick(da: "Session \(Self.sessionLabel(plan)) begynder nu.",
                             en: "Session \(Self.sessionLabel(plan)) starts now."))
        message.labelled("Facilitator", who)
        if !plan.goals.isEmpty { message.list(pick(da: "Mål", en: "Goals"), plan.goals) }
        message.line(pick(da: "Til facilitatoren: åbn med at gennemgå målene sammen med gruppen, og sørg for, at alle kommer til orde.",
                          en: "To the facilitator: please open by going through the goals with the group, and make sure everyone gets to speak."))
        if isStudentFacilitator {
            message.line(pick(da: "Din tjekliste som facilitator ligger i dit direkte rum med botten.",
                              en: "Your facilitator checklist is in your direct room with the bot."))
        }
        return message.message(.sessionStart, group: plan.group, session: plan.number)
    }

    /// Shortly before the start: a short reminder to the group. `minutes` is how long is left,
    /// rounded up, so a bot that was down and catches up late says the truth; `goalsPosted`
    /// when the goals message is already in the room to point to.
    public func sessionSoon(_ plan: SessionPlan, minutes: Int, facilitatorName: String?, goalsPosted: Bool = true) -> BotMessage {
        let who = facilitatorName ?? theSupervisor()
        let left = minutes <= 1 ? pick(da: "om et øjeblik", en: "in a moment")
            : pick(da: "om \(minutes) minutter", en: "in \(minutes) minutes")
        let goals = goalsPosted
            ? pick(da: " Læs målene i beskeden ovenfor, hvis I ikke har gjort det.", en: " Read the goals in the message above if you have not yet.")
            : ""
        let text = pick(da: "Session \(Self.sessionLabel(plan)) begynder \(left). Facilitator: \(who).",
                        en: "Session \(Self.sessionLabel(plan)) starts \(left). Facilitator: \(who).") + goals
        return BotMessage(kind: .reminder, paragraph: text, group: plan.group, session: plan.number)
    }

    /// Halfway through: the facilitator checks that every member has contributed.
    public func midpointPrompt(_ plan: SessionPlan, facilitatorName: String?) -> BotMessage {
        let who = facilitatorName ?? theSupervisor()
        let body = pick(da: "Halvvejs i \(Self.sessionLabel(plan)) – til facilitatoren (\(who)): tjek at alle i gruppen har bidraget – inviter dem, der ikke har sagt så meget endnu, til at komme med deres bud.",
                        en: "Halfway through \(Self.sessionLabel(plan)) — to the facilitator (\(who)): check that every member of the group has contributed — invite anyone who has not said much yet to give their view.")
        return BotMessage(kind: .facilitatorPrompt, paragraph: body,
                          group: plan.group, session: plan.number)
    }

    /// Near the end: summarise what was reached and agree on tasks.
    public func wrapUpPrompt(
        _ plan: SessionPlan, secondsLeft: Int
    ) -> BotMessage {
        let left = SessionTimeFormat.length(secondsLeft, language: language)
        let da = language == .da
        var message = MessageBuilder()
        message.line([
            .text(da ? "Der er \(left) tilbage af \(Self.sessionLabel(plan)). Tid til at runde af: opsummér, hvad I er nået frem til i forhold til målene, og aftal opgaver – hvem gør hvad til hvornår (skriv dem med "
                     : "\(left) left of \(Self.sessionLabel(plan)). Time to wrap up: summarise what you have reached against the goals, and agree on tasks — who does what by when (write them down with "),
            .code(call(.taskAdd)), .text(")."),
        ])
        return message.message(.facilitatorPrompt, group: plan.group, session: plan.number)
    }
}
