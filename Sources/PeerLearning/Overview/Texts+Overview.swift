extension Texts {
    /// `!overview` and the weekly overview, for the supervisor room: per group, the students to
    /// act on first, then one row per student (an HTML table; in the plain body a short block
    /// per student that reads on a phone).
    public static func overview(_ groups: [GroupOverview], language: Language) -> BotMessage {
        var report = ReportBuilder()
        report.heading(pick(language, da: "Overblik over forløbet", en: "Course overview"))
        if groups.isEmpty {
            report.line(pick(language, da: "Der er ingen aktive grupper.", en: "There are no active groups."))
        }
        for group in groups {
            report.heading(groupLabel(group.group, language).capitalizedFirst)
            let urgent = group.students.filter { !$0.flags.isEmpty }
            if urgent.isEmpty {
                report.line(pick(language, da: "Intet at handle på lige nu.", en: "Nothing to act on right now."))
            } else {
                report.items(pick(language, da: "Handl først på", en: "Act on first"), urgent.map { student in
                    (mark: "⚠", text: student.name + ": " + student.flags.map { overviewFlag($0, language) }.joined(separator: "; "))
                })
            }
            overviewTable(group, into: &report, language)
        }
        return report.message(.overview, group: groups.count == 1 ? groups[0].group : nil)
    }

    private static func overviewTable(_ group: GroupOverview, into report: inout ReportBuilder, _ language: Language) {
        let header = [
            pick(language, da: "Studerende", en: "Student"), pick(language, da: "Mål bekræftet", en: "Goals confirmed"),
            pick(language, da: "Bidrag pr. session", en: "Contributions per session"),
            pick(language, da: "Refleksioner (til tiden / sent / mangler)", en: "Reflections (on time / late / missing)"),
            pick(language, da: "Faciliteret", en: "Facilitated"), pick(language, da: "Opgaver løst", en: "Tasks done"),
            pick(language, da: "WebPA pr. runde", en: "WebPA per round"),
        ]
        var rows: [[String]] = []
        var lines: [String] = []
        for student in group.students {
            let contributions = student.contributions.isEmpty ? "—" : student.contributions.map(String.init).joined(separator: " · ")
            let reflections = "\(student.reflectionsOnTime) / \(student.reflectionsLate) / \(student.reflectionsMissing)"
            let trend = ScoreTrend.text(student.rounds, language: language)
            let goals = "\(student.goalsConfirmed)/\(student.sessions)"
            let tasks = "\(student.tasksDone)/\(student.tasksAssigned)"
            rows.append([student.name, goals, contributions, reflections, "\(student.facilitations)", tasks, trend])
            lines.append(student.name + (student.flags.isEmpty ? "" : " ⚠") + "\n"
                + pick(language, da: "Mål \(goals) · bidrag \(contributions)", en: "Goals \(goals) · messages \(contributions)") + "\n"
                + pick(language, da: "Refleksioner: \(student.reflectionsOnTime) til tiden, \(student.reflectionsLate) sent, \(student.reflectionsMissing) mangler",
                       en: "Reflections: \(student.reflectionsOnTime) on time, \(student.reflectionsLate) late, \(student.reflectionsMissing) missing") + "\n"
                + pick(language, da: "Faciliteret \(student.facilitations) · opgaver \(tasks) · WebPA \(trend)",
                       en: "Facilitated \(student.facilitations) · tasks \(tasks) · WebPA \(trend)"))
        }
        // A blank line between students keeps each one's block apart on a phone.
        report.table(header: header, rows: rows, plainLines: [lines.joined(separator: "\n\n")])
    }

    static func overviewFlag(_ flag: OverviewFlag, _ language: Language) -> String {
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
