extension SessionTexts {
    /// `!session goal|outcome|activity`: what the session now holds.
    public func sessionUpdated(_ plan: SessionPlan, goalsAlreadyPosted: Bool) -> BotMessage {
        var message = MessageBuilder()
        let counts = pick(da: "Session \(Self.sessionLabel(plan)) har nu \(plan.goals.count) mål og \(plan.outcomes.count) forventede resultater.",
                          en: "Session \(Self.sessionLabel(plan)) now has \(plan.goals.count) goal(s) and \(plan.outcomes.count) expected outcome(s).")
        message.line(counts)
        if goalsAlreadyPosted {
            message.line(pick(da: "Målbeskeden i gruppens rum er rettet, og de studerende, der havde bekræftet, er bedt om at bekræfte igen.",
                              en: "The goals message in the group room has been edited, and the students who had confirmed are asked to confirm again."))
        }
        return message.message(.reply, group: plan.group, session: plan.number)
    }
}

extension SessionTexts {
    /// "the supervisor", where a facilitator's name would stand.
    public func supervisorWord() -> String {
        theSupervisor()
    }
}
