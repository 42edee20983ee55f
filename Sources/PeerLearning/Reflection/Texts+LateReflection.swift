extension ReflectionTexts {
    /// To the supervisor room: a reflection that arrived after the session's summary.
    public func lateReflectionNote(name: String, plan: SessionPlan) -> BotMessage {
        let text = pick(da: "\(name) har sendt en sen refleksion til \(SessionTexts.sessionLabel(plan)). Den er gemt og markeret som sen; se den med !opsummering.",
                        en: "\(name) has sent a late reflection on \(SessionTexts.sessionLabel(plan)). It is kept and marked late; see it with !summary.")
        return BotMessage(kind: .alert, paragraph: text, group: plan.group, session: plan.number)
    }
}
