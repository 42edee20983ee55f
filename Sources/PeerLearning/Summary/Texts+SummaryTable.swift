extension Texts {
    /// How many confirmed the goals, then one row per student: a table in HTML, a line each in the body.
    static func participation(_ summary: SessionSummary, into report: inout ReportBuilder, _ language: Language) {
        let members = summary.members
        let confirmed = members.filter(\.confirmedGoals).count
        report.labelled(pick(language, da: "Har bekræftet målene", en: "Confirmed the goals"),
                        pick(language, da: "\(confirmed) af \(members.count)", en: "\(confirmed) of \(members.count)"))
        report.heading(pick(language, da: "Deltagelse (beskeder i gruppen under sessionen)",
                            en: "Participation (messages in the group during the session)"))
        guard !members.isEmpty else {
            report.line(pick(language, da: "Gruppen har ingen medlemmer.", en: "The group has no members."))
            return
        }
        let header = language == .da
            ? ["Studerende", "Mål bekræftet", "Beskeder", "Refleksion i gruppen", "Privat refleksion", "Bemærkning"]
            : ["Student", "Goals confirmed", "Messages", "Group reflection", "Private reflection", "Notes"]
        let rows = members.map { member in
            [member.name, tick(member.confirmedGoals), String(member.messages),
             tick(!member.groupReflections.isEmpty), tick(!member.privateReflections.isEmpty),
             memberNotes(member, language).joined(separator: ", ")]
        }
        report.table(header: header, rows: rows, plainLines: members.map { plainLine($0, language) })
    }

    /// "• Anna Hansen: mål ✓ · 12 beskeder · refleksion: gruppe ✓, privat – · for sent".
    private static func plainLine(_ member: MemberLine, _ language: Language) -> String {
        let da = language == .da
        let messages = member.messages == 1 ? (da ? "1 besked" : "1 message")
            : "\(member.messages) " + (da ? "beskeder" : "messages")
        var parts = [
            (da ? "mål " : "goals ") + tick(member.confirmedGoals),
            messages,
            (da ? "refleksion: gruppe " : "reflection: group ") + tick(!member.groupReflections.isEmpty)
                + (da ? ", privat " : ", private ") + tick(!member.privateReflections.isEmpty),
        ]
        parts += memberNotes(member, language)
        return "• " + member.name + ": " + parts.joined(separator: " · ")
    }

    private static func memberNotes(_ member: MemberLine, _ language: Language) -> [String] {
        var notes: [String] = []
        if member.absent { notes.append(pick(language, da: "fraværende", en: "absent")) }
        if member.reflectedLate {
            notes.append(pick(language, da: "refleksion for sent", en: "late reflection"))
        }
        return notes
    }

    private static func tick(_ yes: Bool) -> String { yes ? "✓" : "–" }
}
