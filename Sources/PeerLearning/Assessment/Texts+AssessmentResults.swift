extension Texts {
    /// To the supervisor room: each member's WebPA score, the peers' mean per criterion, the
    /// self-rating mean, flags, and every comment named by rater and subject. Carries
    /// `peerbot.scores` (members without a score left out). `submitted` is how many students
    /// submitted, as shown in the report.
    public static func assessmentResults(
        group: String, members: [(userID: String, name: String)], result: WebPAResult,
        comments: [(rater: String, subject: String, text: String)], submitted: Int, round: Int? = nil, prefix: String = "!",
        language: Language
    ) -> BotMessage {
        let names = Dictionary(members.map { ($0.userID, $0.name) }, uniquingKeysWith: { first, _ in first })
        var report = ReportBuilder()
        let number = round.map { pick(language, da: ", runde \($0)", en: ", round \($0)") } ?? ""
        report.heading(pick(language, da: "Peer-vurdering – ", en: "Peer assessment — ") + groupLabel(group, language) + number)
        let n = result.groupSize
        report.line(submitted == 0
            ? pick(language, da: "Ingen af de \(n) studerende har afleveret, så der er ingen WebPA-score.",
                   en: "None of the \(n) students submitted, so there are no WebPA scores.")
            : pick(language, da: "\(submitted) af \(n) studerende har afleveret.", en: "\(submitted) of \(n) students submitted."))
        report.line(pick(language,
                         da: "WebPA-score 1.00 er gruppens gennemsnit; en studerende, som ingen har vurderet, har ingen score (—). De andres gennemsnit pr. kriterium: "
                            + criterionOrder(language) + ".",
                         en: "A WebPA score of 1.00 is the group average; a student nobody rated has no score (—). The peers' mean per criterion: "
                            + criterionOrder(language) + "."))
        resultTable(result, names: names, into: &report, language)
        let legend = flagLegend(result, language)
        if !legend.isEmpty {
            report.items(pick(language, da: "Markeringer (kun til vejlederne)", en: "Flags (for supervisors only)"),
                         legend.map { (mark: "•", text: $0) })
        }
        report.heading(pick(language, da: "Kommentarer (kun til vejlederne)", en: "Comments (for supervisors only)"))
        if comments.isEmpty {
            report.line(pick(language, da: "Ingen kommentarer.", en: "No comments."))
        }
        for comment in comments {
            report.quote(comment.text, author: comment.rater + " → " + comment.subject, note: nil)
        }
        if submitted > 0 {
            let release = prefix + CommandName.release.displayWord(in: language)
            report.line(pick(language, da: "De studerende ser intet af resultatet, før I frigiver runden med \(release).",
                             en: "The students see nothing of the result until you release the round with \(release)."))
        }
        var message = report.message(.assessmentResult, group: group)
        message.scores = result.scoreStrings
        return message
    }

    private static func resultTable(
        _ result: WebPAResult, names: [String: String], into report: inout ReportBuilder, _ language: Language
    ) {
        let showSelf = result.members.contains { $0.selfMean != nil }
        let dash = "—"
        var header = [pick(language, da: "Studerende", en: "Student"), "WebPA"]
        header += AssessmentCriterion.allCases.map { $0.shortName(in: language) }
        if showSelf { header.append(pick(language, da: "Selv", en: "Self")) }
        header.append(pick(language, da: "Markeringer", en: "Flags"))
        var rows: [[String]] = []
        var lines: [String] = []
        for member in result.members {
            let name = names[member.userID] ?? member.userID
            let means = member.peerMean.isEmpty
                ? Array(repeating: dash, count: AssessmentCriterion.allCases.count)
                : member.peerMean.map(WebPAScoreFormat.oneDecimal)
            let own = member.selfMean.map(WebPAScoreFormat.oneDecimal) ?? dash
            let flags = WebPAFlag.allCases.filter(member.flags.contains).map { flagName($0, language) }
            rows.append([name, member.formattedScore ?? dash] + means + (showSelf ? [own] : [])
                + [flags.isEmpty ? dash : flags.joined(separator: ", ")])
            var line = name + ": " + (member.formattedScore ?? dash)
                + pick(language, da: " – de andre: ", en: " — peers: ") + means.joined(separator: " / ")
            if showSelf { line += pick(language, da: " – selv: ", en: " — self: ") + own }
            if !flags.isEmpty { line += pick(language, da: " – ", en: " — ") + flags.joined(separator: ", ") }
            lines.append(line)
        }
        report.table(header: header, rows: rows, plainLines: lines)
    }

    /// "bidrag / samspil / …", the order of the per-criterion columns.
    private static func criterionOrder(_ language: Language) -> String {
        AssessmentCriterion.allCases.map { $0.shortName(in: language).lowercased() }.joined(separator: " / ")
    }
}
