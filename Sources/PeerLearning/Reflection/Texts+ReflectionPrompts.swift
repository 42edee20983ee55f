import Foundation

extension ReflectionTexts {
    /// At the end of a session, in the group room, as the root of the thread the group reflects in.
    public func reflectionPromptGroup(
        plan: SessionPlan, model: ReflectionModel, deadline: Date, timeZone: ZoneRules
    ) -> BotMessage {
        let da = language == .da
        var message = MessageBuilder()
        message.heading(pick(da: "Fælles refleksion over ", en: "Shared reflection on ") + SessionTexts.sessionLabel(plan))
        message.list(pick(da: "Spørgsmål", en: "Questions"), model.questions(language), numbered: true)
        message.line(pick(da: "Svar i tråden under denne besked – det bliver gruppens fælles refleksion, som alle i gruppen og vejlederne kan læse.",
                          en: "Answer in the thread under this message — that is the group's shared reflection, which everyone in the group and the supervisors can read."))
        message.labelled(pick(da: "Frist", en: "Deadline"), deadlineText(deadline, timeZone))
        message.line([
            .text(da ? "Din egen, private refleksion skriver du i din direkte chat med botten – der ligger de samme spørgsmål. Du kan også skrive "
                     : "Your own, private reflection goes in your direct chat with the bot — the same questions are waiting there. You can also write "),
            .code(call(.reflect, da ? "<tekst>" : "<text>")),
            .text(da ? " her i rummet; så deles den med gruppen." : " here in this room; then it is shared with the group."),
        ])
        return message.message(.reflectionPrompt, group: plan.group, session: plan.number)
    }

    /// At the end of a session, in each student's direct room: the private reflection.
    public func reflectionPromptPrivate(
        plan: SessionPlan, model: ReflectionModel, deadline: Date, timeZone: ZoneRules
    ) -> BotMessage {
        let da = language == .da
        var message = MessageBuilder()
        message.heading(pick(da: "Din refleksion over ", en: "Your reflection on ") + SessionTexts.sessionLabel(plan))
        message.list(pick(da: "Spørgsmål", en: "Questions"), model.questions(language), numbered: true)
        message.line(pick(da: "Skriv blot din refleksion her – kun du og dine vejledere kan se den. Du må gerne skrive i flere beskeder, og du kan rette dem bagefter.",
                          en: "Just write your reflection here — only you and your supervisors can see it. You may use several messages, and you can edit them afterwards."))
        message.labelled(pick(da: "Frist", en: "Deadline"), deadlineText(deadline, timeZone))
        message.line([
            .text(da ? "Du kan også skrive " : "You can also write "),
            .code(call(.reflect, da ? "<tekst>" : "<text>")),
            .text("."),
        ])
        return message.message(.reflectionPrompt, group: plan.group, session: plan.number)
    }

    /// A reflection was stored; a late one is kept and marked late.
    public func reflectionAck(
        plan: SessionPlan, scope: ReflectionScope, late: Bool
    ) -> BotMessage {
        let label = SessionTexts.sessionLabel(plan)
        var body = switch scope {
        case .group:
            pick(da: "Tak – din refleksion over \(label) er gemt og delt med gruppen.",
                 en: "Thank you — your reflection on \(label) is saved and shared with the group.")
        case .private:
            pick(da: "Tak – din refleksion over \(label) er gemt. Kun du og dine vejledere kan se den.",
                 en: "Thank you — your reflection on \(label) is saved. Only you and your supervisors can see it.")
        }
        if late {
            body += pick(da: " Fristen var overskredet, så den er markeret som for sent afleveret.",
                         en: " The deadline had passed, so it is marked as late.")
        }
        return BotMessage(kind: .reflectionAck, paragraph: body, group: plan.group, session: plan.number)
    }

    /// Halfway to the deadline, to a student who has not reflected yet.
    public func reflectionReminder(
        plan: SessionPlan, deadline: Date, timeZone: ZoneRules
    ) -> BotMessage {
        let when = deadlineText(deadline, timeZone)
        let body = pick(da: "Påmindelse: du har endnu ikke skrevet din refleksion over \(SessionTexts.sessionLabel(plan)). Fristen er \(when). Skriv den her (privat) eller i tråden i grupperummet (delt med gruppen).",
                        en: "Reminder: you have not yet written your reflection on \(SessionTexts.sessionLabel(plan)). The deadline is \(when). Write it here (private) or in the thread in the group room (shared with the group).")
        return BotMessage(kind: .reminder, paragraph: body, group: plan.group, session: plan.number)
    }

    /// `!reflect` when no session of the student's group has ended yet.
    public func noOpenReflection() -> BotMessage {
        let da = language == .da
        var message = MessageBuilder()
        message.line([
            .text(da ? "Der er ingen refleksion at skrive endnu – den åbner, når din gruppes næste session er slut. Intet er gemt. Se gruppens sessioner med "
                     : "There is no reflection to write yet — it opens when your group's next session ends. Nothing was saved. See your group's sessions with "),
            .code(call(.sessions)), .text("."),
        ])
        return message.message(.error, error: .notFound)
    }

    /// A deadline as a day and clock time in the configured zone.
    func deadlineText(_ deadline: Date, _ timeZone: ZoneRules) -> String {
        SessionTimeFormat.dateTime(deadline, timeZone: timeZone, language: language)
    }
}
