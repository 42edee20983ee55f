extension AssessmentTexts {
    /// To the supervisor room: each member's WebPA score, the peers' mean per criterion, the
    /// self-rating mean, flags, and every comment named by rater and subject. Carries
    /// `peerbot.scores` (members without a score left out). `submitted` is how many students
    /// submitted, as shown in the report.
    public func assessmentResults(
        group: String, members: [(userID: String, name: String)], result: WebPAResult,
        comments: [(rater: String, subject: String, text: String)], submitted: Int, round: Int? = nil
    ) -> BotMessage {
        let names = Dictionary(members.map { ($0.userID, $0.name) }, uniquingKeysWith: { first, _ in first })
        var report = ReportBuilder()
        let number = round.map { pick(da: ", runde \($0)", en: ", round \($0)") } ?? ""
        report.heading(pick(da: "Peer-vurdering – ", en: "Peer assessment — ") + groupLabel(group) + number)
        let n = result.groupSize
        report.line(submitted == 0
            ? pick(da: "Ingen af de \(n) studerende har afleveret, så der er ingen WebPA-score.",
                   en: "None of the \(n) students submitted, so there are no WebPA scores.")
            : pick(da: "\(submitted) af \(n) studerende har afleveret.", en: "\(submitted) of \(n) students submitted."))
        report.line(pick(da: "WebPA-score: den studerendes andel af gruppens samlede karakterer fra de andre, hvor 1,00 er gruppens gennemsnit; en studerende, som ingen har vurderet, har ingen score (—).",
                         en: "WebPA score: the student's share of the group's total marks from their peers, where 1.00 is the group average; a student nobody rated has no score (—)."))
        let legend = flagLegend(result)
        if !legend.isEmpty {
            report.items(pick(da: "Markeringer – det, I bør se nærmere på (kun til vejlederne)",
                              en: "Flags – what to look into (for supervisors only)"),
                         legend.map { (mark: "•", text: $0) })
        }
        resultCards(result, names: names, into: &report)
        report.heading(pick(da: "Kommentarer (kun til vejlederne)", en: "Comments (for supervisors only)"))
        if comments.isEmpty {
            report.line(pick(da: "Ingen kommentarer.", en: "No comments."))
        }
        for comment in comments {
            report.quote(comment.text, author: comment.rater + " → " + comment.subject, note: nil)
        }
        if submitted > 0 {
            let release = prefix + CommandName.release.displayWord(in: language)
            report.line(pick(da: "De studerende ser intet af resultatet, før I frigiver runden med \(release).",
                             en: "The students see nothing of the result until you release the round with \(release)."))
        }
        var message = report.message(.assessmentResult, group: group)
        message.scores = result.scoreStrings
        return message
    }

    /// A block per student (score, the peers' mean per criterion, self, flags): on a phone a
    /// table of nine columns splits names mid-word.
    private func resultCards(
        _ result: WebPAResult, names: [String: String], into report: inout ReportBuilder
    ) {
        let showSelf = result.members.contains { $0.selfMean != nil }
        let dash = "—"
        let shortNames = AssessmentCriterion.allCases.map { $0.shortName(in: language).lowercased() }
        var cards: [(title: String, details: [String])] = []
        var lines: [String] = []
        for member in result.members {
            let name = names[member.userID] ?? member.userID
            let score = member.formattedScore.map { decimal($0) } ?? dash
            let means = member.peerMean.isEmpty
                ? Array(repeating: dash, count: AssessmentCriterion.allCases.count)
                : member.peerMean.map { decimal(WebPAScoreFormat.oneDecimal($0)) }
            let own = member.selfMean.map { decimal(WebPAScoreFormat.oneDecimal($0)) } ?? dash
            let flags = WebPAFlag.allCases.filter(member.flags.contains).map { flagName($0) }
            var details = [pick(da: "WebPA-score ", en: "WebPA score ") + score,
                           pick(da: "De andres gennemsnit: ", en: "Peers' mean: ")
                               + zip(shortNames, means).map { "\($0) \($1)" }.joined(separator: " · ")]
            if showSelf { details.append(pick(da: "Egen vurdering: ", en: "Self-rating: ") + own) }
            if !flags.isEmpty { details.append(pick(da: "Markeringer: ", en: "Flags: ") + flags.joined(separator: ", ")) }
            cards.append((title: name, details: details))
            var line = name + ": " + score
                + pick(da: " – de andre: ", en: " — peers: ") + means.joined(separator: " / ")
            if showSelf { line += pick(da: " – selv: ", en: " — self: ") + own }
            if !flags.isEmpty { line += pick(da: " – ", en: " — ") + flags.joined(separator: ", ") }
            lines.append(line)
        }
        report.line(pick(da: "De andres gennemsnit pr. kriterium i rækkefølgen ", en: "The peers' mean per criterion, in the order ")
            + criterionOrder() + ".")
        report.cards(cards, plainLines: lines)
    }

    /// A number written with a point (`0.97`) as the room's language writes it (`0,97` in Danish).
    public func decimal(_ text: String) -> String {
        language == .da ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// "bidrag / samspil / …", the order of the per-criterion columns.
    private func criterionOrder() -> String {
        AssessmentCriterion.allCases.map { $0.shortName(in: language).lowercased() }.joined(separator: " / ")
    }
}
