extension SessionTexts {
    /// `!ready` / `!notready`: when the change applies.
    public func readyChanged(name: String, ready: Bool) -> BotMessage {
        let body = ready
            ? pick(da: "\(name) er nu markeret som klar til at facilitere og kommer med i rotationen fra den næste session, der ikke er begyndt.",
                   en: "\(name) is now marked ready to facilitate and joins the rotation from the next session that has not started.")
            : pick(da: "\(name) er ikke længere markeret som klar til at facilitere og er ude af rotationen fra den næste session, der ikke er begyndt.",
                   en: "\(name) is no longer marked ready to facilitate and leaves the rotation from the next session that has not started.")
        return BotMessage(kind: .reply, paragraph: body)
    }

    /// `!facilitator`: who facilitates the session and why. `names` maps user ids to display
    /// names; an id without a name is shown as it is.
    public func facilitatorAnswer(
        _ plan: SessionPlan?, choice: FacilitatorChoice, names: [String: String]
    ) -> BotMessage {
        guard let plan else {
            let body = pick(da: "Der er ingen kommende session for gruppen endnu.",
                            en: "The group has no upcoming session yet.")
            return BotMessage(kind: .reply, paragraph: body)
        }
        let label = Self.sessionLabel(plan)
        let body: String
        switch choice {
        case let .student(id):
            let name = names[id] ?? id
            body = pick(da: "\(name) faciliterer \(label) efter tur i rotationen.",
                        en: "\(name) facilitates \(label), by turn in the rotation.")
        case let .override(id):
            let name = names[id] ?? id
            body = pick(da: "\(name) faciliterer \(label) – valgt af en vejleder.",
                        en: "\(name) facilitates \(label) — chosen by a supervisor.")
        case .supervisor:
            body = pick(da: "Vejlederen faciliterer \(label): ingen studerende, der er klar til at facilitere, deltager.",
                        en: "The supervisor facilitates \(label): no student who is ready to facilitate is taking part.")
        }
        return BotMessage(kind: .reply, paragraph: body, group: plan.group, session: plan.number)
    }

    /// `!absent`: the absence is noted and rotation skips the student.
    public func absentNoted(name: String, plan: SessionPlan) -> BotMessage {
        let body = pick(da: "\(name) er noteret som fraværende fra \(Self.sessionLabel(plan)) og springes over i rotationen til den session.",
                        en: "\(name) is noted as absent from \(Self.sessionLabel(plan)) and is skipped by the rotation for that session.")
        return BotMessage(kind: .reply, paragraph: body, group: plan.group, session: plan.number)
    }
}
