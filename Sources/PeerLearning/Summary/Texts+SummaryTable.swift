extension SummaryTexts {
    /// How many confirmed the goals, then per student a block where formatting shows and a line in the plain body.
    func participation(_ summary: SessionSummary, into report: inout ReportBuilder) {
        let members = summary.members
        let confirmed = members.filter(\.confirmedGoals).count
        report.labelled(pick(da: "Har bekræftet målene", en: "Confirmed the goals"),
                        pick(da: "\(confirmed) af \(members.count)", en: "\(confirmed) of \(members.count)"))
        report.heading(pick(da: "Deltagelse (beskeder i gruppen under sessionen)",
                            en: "Participation (messages in the group during the session)"))
        guard !members.isEmpty else {
            report.line(pick(da: "Gruppen har ingen medlemmer.", en: "The group has no members."))
            return
        }
        // A block per student, not a wide table: on a 360 px screen a six-column table splits
        // names mid-word, and a notes column is empty for nearly everyone.
        let cards = members.map { member in
            (title: member.name, details: cardDetails(member))
        }
        report.cards(cards, plainLines: members.map { plainLine($0) })
    }

    /// "Mål bekræftet ✓ · 12 beskeder", "Refleksion: i gruppen ✓ · privat –", and any notes.
    private func cardDetails(_ member: MemberLine) -> [String] {
        let da = language == .da
        let messages = member.messages == 1 ? (da ? "1 besked" : "1 message")
            : "\(member.messages) " + (da ? "beskeder" : "messages")
        var details = [
            (da ? "Mål bekræftet " : "Goals confirmed ") + Self.tick(member.confirmedGoals) + " · " + messages,
            (da ? "Refleksion: i gruppen " : "Reflection: in the group ") + Self.tick(!member.groupReflections.isEmpty)
                + (da ? " · privat " : " · private ") + Self.tick(!member.privateReflections.isEmpty),
        ]
        let notes = memberNotes(member)
        if !notes.isEmpty { details.append(notes.joined(separator: ", ").capitalizedFirst) }
        return details
    }

    /// "• Anna Hansen: mål ✓ · 12 beskeder · refleksion: gruppe ✓, privat – · for sent".
    private func plainLine(_ member: MemberLine) -> String {
        let da = language == .da
        let messages = member.messages == 1 ? (da ? "1 besked" : "1 message")
            : "\(member.messages) " + (da ? "beskeder" : "messages")
        var parts = [
            (da ? "mål " : "goals ") + Self.tick(member.confirmedGoals),
            messages,
            (da ? "refleksion: gruppe " : "reflection: group ") + Self.tick(!member.groupReflections.isEmpty)
                + (da ? ", privat " : ", private ") + Self.tick(!member.privateReflections.isEmpty),
        ]
        parts += memberNotes(member)
        return "• " + member.name + ": " + parts.joined(separator: " · ")
    }

    private func memberNotes(_ member: MemberLine) -> [String] {
        var notes: [String] = []
        if member.absent { notes.append(pick(da: "fraværende", en: "absent")) }
        if member.reflectedLate {
            notes.append(pick(da: "refleksion for sent", en: "late reflection"))
        }
        return notes
    }

    private static func tick(_ yes: Bool) -> String { yes ? "✓" : "–" }
}
