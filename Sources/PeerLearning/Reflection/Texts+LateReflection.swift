extension Texts {
    /// To the supervisor room: a reflection that arrived after the session's summary.
    public static func lateReflectionNote(name: String, plan: SessionPlan, language: Language) -> BotMessage {
        let text = pick(language,
                        da: "\(name) har sendt en sen refleksion til \(sessionLabel(plan)). Den er gemt og markeret som sen; se den med !opsummering.",
                        en: "\(name) has sent a late reflection on \(sessionLabel(plan)). It is kept and marked late; see it with !summary.")
        return BotMessage(kind: .alert, body: text, html: paragraph(text), group: plan.group, session: plan.number)
    }
}
