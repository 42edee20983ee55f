import Foundation

extension SessionTexts {
    /// "#12 Sepsis case".
    static func sessionLabel(_ plan: SessionPlan) -> String {
        "#\(plan.number) \(Texts.quote(plan.title))"
    }

    /// Who facilitates, when the supervisor does and no name is known.
    func theSupervisor() -> String {
        pick(da: "vejlederen", en: "the supervisor")
    }

    /// The time line of a session: its span with the length in words.
    func timeWithLength(_ plan: SessionPlan, _ timeZone: ZoneRules) -> String {
        SessionTimeFormat.span(plan, timeZone: timeZone, language: language)
            + " (" + SessionTimeFormat.length(plan.duration, language: language) + ")"
    }
}
