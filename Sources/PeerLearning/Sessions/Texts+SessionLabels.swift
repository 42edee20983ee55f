import Foundation

extension Texts {
    /// "#12 Sepsis case".
    static func sessionLabel(_ plan: SessionPlan) -> String {
        "#\(plan.number) \(Self.quote(plan.title))"
    }

    /// "gruppe A" / "group A".
    func groupLabel(_ group: String) -> String {
        pick(da: "gruppe \(Self.quote(group))", en: "group \(Self.quote(group))")
    }

    /// Who facilitates, when the supervisor does and no name is known.
    func theSupervisor() -> String {
        pick(da: "vejlederen", en: "the supervisor")
    }

    /// A command call as written in `language` (`!forstået`).
    func call(_ name: CommandName, _ arguments: String = "") -> String {
        prefix + name.displayWord(in: language) + (arguments.isEmpty ? "" : " " + arguments)
    }

    /// The time line of a session: its span with the length in words.
    func timeWithLength(_ plan: SessionPlan, _ timeZone: ZoneRules) -> String {
        SessionTimeFormat.span(plan, timeZone: timeZone, language: language)
            + " (" + SessionTimeFormat.length(plan.duration, language: language) + ")"
    }
}
