import Foundation

extension Texts {
    /// "#12 Sepsis case".
    static func sessionLabel(_ plan: SessionPlan) -> String {
        "#\(plan.number) \(quote(plan.title))"
    }

    /// "gruppe A" / "group A".
    static func groupLabel(_ group: String, _ language: Language) -> String {
        pick(language, da: "gruppe \(quote(group))", en: "group \(quote(group))")
    }

    /// Who facilitates, when the supervisor does and no name is known.
    static func theSupervisor(_ language: Language) -> String {
        pick(language, da: "vejlederen", en: "the supervisor")
    }

    /// A command call as written in `language` (`!forstået`).
    static func call(_ name: CommandName, _ prefix: String, _ language: Language, _ arguments: String = "") -> String {
        prefix + name.displayWord(in: language) + (arguments.isEmpty ? "" : " " + arguments)
    }

    /// The time line of a session: its span with the length in words.
    static func timeWithLength(_ plan: SessionPlan, _ timeZone: ZoneRules, _ language: Language) -> String {
        SessionTimeFormat.span(plan, timeZone: timeZone, language: language)
            + " (" + SessionTimeFormat.length(plan.duration, language: language) + ")"
    }
}
