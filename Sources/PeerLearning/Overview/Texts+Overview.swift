extension OverviewTexts {
    /// `!overview` and the weekly overview, for the supervisor room: per group, the students to
    /// act on first, then a short block per student that reads on a phone.
    public func overview(_ groups: [GroupOverview]) -> BotMessage {
        var report = ReportBuilder()
        report.heading(pick(da: "Overblik over forløbet", en: "Course overview"))
        if groups.isEmpty {
            report.line(pick(da: "Der er ingen aktive grupper.", en: "There are no active groups."))
        } else {
            report.line(webPAExplained())
        }
        for group in groups {
            report.heading(groupLabel(group.group).capitalizedFirst)
            let urgent = group.students.filter { !$0.flags.isEmpty }
            if urgent.isEmpty {
                report.line(pick(da: "Intet at handle på lige nu.", en: "Nothing to act on right now."))
            } else {
                report.items(pick(da: "Handl først på", en: "Act on first"), urgent.map { student in
                    (mark: "⚠", text: student.name + ": " + student.flags.map { overviewFlag($0) }.joined(separator: "; "))
                })
            }
            overviewTable(group, into: &report)
        }
        return report.message(.overview, group: groups.count == 1 ? groups[0].group : nil)
    }

    /// A block per student: a table of seven columns splits names mid-word on a phone.
    private func overviewTable(_ group: GroupOverview, into report: inout ReportBuilder) {
        let cards = group.students.map { student in
            let contributions = student.contributions.isEmpty ? "—" : student.contributions.map(String.init).joined(separator: " · ")
            let trend = ScoreTrend.text(student.rounds, language: language)
            let goals = "\(student.goalsConfirmed)/\(student.sessions)"
            let tasks = "\(student.tasksDone)/\(student.tasksAssigned)"
            let details = [
                pick(da: "Mål bekræftet \(goals) · bidrag pr. session \(contributions)",
                     en: "Goals confirmed \(goals) · messages per session \(contributions)"),
                pick(da: "Refleksioner: \(student.reflectionsOnTime) til tiden, \(student.reflectionsLate) sent, \(student.reflectionsMissing) mangler",
                     en: "Reflections: \(student.reflectionsOnTime) on time, \(student.reflectionsLate) late, \(student.reflectionsMissing) missing"),
                pick(da: "Faciliteret \(student.facilitations) · opgaver løst \(tasks) · WebPA \(trend)",
                     en: "Facilitated \(student.facilitations) · tasks done \(tasks) · WebPA \(trend)"),
            ]
            return (title: student.name + (student.flags.isEmpty ? "" : " ⚠"), details: details)
        }
        report.cards(cards)
    }

    /// The one line that says what the WebPA figures are, before the first of them.
    func webPAExplained() -> String {
        pick(da: "WebPA er scoren fra peer-vurderingen: den studerendes andel af gruppens samlede karakterer, hvor 1,00 er gruppens gennemsnit.",
             en: "WebPA is the peer-assessment score: the student's share of the group's total marks, where 1.00 is the group average.")
    }

    func overviewFlag(_ flag: OverviewFlag) -> String {
        switch (flag, language) {
        case (.noSubmissionTwice, .da): "har ikke afleveret peer-vurdering to gange i træk"
        case (.noSubmissionTwice, .en): "no peer-assessment submission twice in a row"
        case (.low, .da): "lav i seneste peer-vurdering (de andres gennemsnit under 2,5)"
        case (.low, .en): "low in the latest peer assessment (peers' mean below 2.5)"
        case (.neverFacilitated, .da): "klar til at facilitere, men har endnu ikke faciliteret"
        case (.neverFacilitated, .en): "ready to facilitate but has never facilitated"
        }
    }
}
