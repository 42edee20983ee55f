extension GroupTexts {
    /// `!groups plan`: each group with its members' names and diversity, the split's score, a
    /// random split's score for comparison, and how to create the rooms.
    public func groupProposal(_ proposal: GroupProposal, students: [Student]) -> BotMessage {
        guard !proposal.groups.isEmpty else {
            let add = prefix + CommandName.studentAdd.displayWord(in: language)
            let body = pick(da: "Der er ingen studerende på holdlisten at danne grupper af. Tilføj dem med \(add) eller upload en .csv-fil.",
                            en: "There are no students on the roster to form groups from. Add them with \(add) or upload a .csv file.")
            return BotMessage(kind: .groupProposal, paragraph: body)
        }
        let names = Dictionary(students.map { ($0.userID, $0.name) }, uniquingKeysWith: { first, _ in first })
        let score = { (value: Double) in GroupProposal.twoDecimals(value, separator: language == .da ? "," : ".") }
        let groupWord = pick(da: "Gruppe", en: "Group")
        var blocks: [MessageBlock] = [.paragraph([.text(pick(da: "Forslag til grupper (der er ikke oprettet rum endnu):",
                                                              en: "Proposed groups (no rooms created yet):"))])]
        // A block per group, not a table: on a phone a members column splits names mid-word.
        let diversity = pick(da: "diversitet", en: "diversity")
        for group in proposal.groups {
            let members = group.members.map { names[$0] ?? $0 }
            let measure = "\(diversity) \(score(group.score))"
            blocks.append(.paragraph([.strong("\(groupWord) \(group.name)"),
                                      .variants(plain: " (\(measure)): ", formatted: [.text(" · \(measure)\n")]),
                                      .text(members.joined(separator: ", "))]))
        }
        blocks += proposalSummary(proposal, score: score).map { .paragraph([.text($0)]) }
        let create = MessageInline.code(prefix + CommandName.groupsCreate.displayWord(in: language))
        let plan = MessageInline.code(prefix + CommandName.groupsPlan.displayWord(in: language) + " seed=2")
        let howTo: [MessageInline] = language == .da
            ? [.text("Skriv "), create, .text(" for at oprette rummene og invitere alle, eller planlæg igen med "), plan,
               .text(": seed er et startnummer for lodtrækningen, og et andet tal giver en anden opdeling.")]
            : [.text("Write "), create, .text(" to create the rooms and invite everyone, or plan again with "), plan,
               .text(": the seed is a starting number for the draw, and another number gives another split.")]
        blocks.append(.paragraph(howTo))
        return BotMessage(kind: .groupProposal, [.group(blocks)])
    }

    private func proposalSummary(_ proposal: GroupProposal, score: (Double) -> String) -> [String] {
        var lines = [
            pick(da: "Samlet score (den svageste gruppe): \(score(proposal.score)); gennemsnit \(score(proposal.mean)). En tilfældig opdeling giver \(score(proposal.randomBaseline)).",
                 en: "Overall score (the weakest group): \(score(proposal.score)); mean \(score(proposal.mean)). A random split scores \(score(proposal.randomBaseline))."),
            pick(da: "Diversitet er, hvor blandet en gruppe er i holdlistens kolonner (fx uddannelse og semester); 1 betyder, at gruppen er så blandet, som holdet tillader.",
                 en: "Diversity is how mixed a group is in the roster's columns (such as programme and semester); 1 means the group is as mixed as the roster allows."),
        ]
        if proposal.repeatedPairs > 0 {
            lines.append(pick(da: "\(proposal.repeatedPairs) par har været i gruppe sammen før.",
                              en: "\(proposal.repeatedPairs) \(proposal.repeatedPairs == 1 ? "pair has" : "pairs have") been in a group together before."))
        }
        return lines
    }
}
