import Foundation

extension SummaryTexts {
    /// The summary for the supervisor room: the session, who confirmed the goals, participation per
    /// student (a block each where formatting shows, one line each in the plain body), the group's and each student's
    /// reflections, questions, tasks, and who is missing. `names` maps task assignees' user ids to names.
    public func summary(
        _ summary: SessionSummary, names: [String: String], timeZone: ZoneRules
    ) -> BotMessage {
        let plan = summary.plan
        var report = ReportBuilder()
        report.heading(pick(da: "Opsummering af ", en: "Summary of ") + SessionTexts.sessionLabel(plan)
            + pick(da: " – ", en: " — ") + groupLabel(plan.group))
        report.labelled(pick(da: "Tid", en: "Time"), texts.sessions.timeWithLength(plan, timeZone))
        report.labelled("Facilitator", summary.facilitatorName ?? texts.sessions.theSupervisor())
        let goalsLabel = pick(da: "Mål", en: "Goals")
        if plan.goals.isEmpty {
            report.labelled(goalsLabel, pick(da: "ingen angivet", en: "none stated"))
        } else {
            report.items(goalsLabel, plan.goals.map { ("•", $0) })
        }
        if let criteria = summary.criteria, !criteria.isEmpty {
            report.labelled(pick(da: "Vurderingskriterier", en: "Assessment criteria"), criteria)
        }
        participation(summary, into: &report)
        reflections(summary, into: &report)
        questionsAndTasks(summary, names: names, into: &report)
        missing(summary, into: &report)
        return report.message(.summary, group: plan.group, session: plan.number)
    }

    private func reflections(_ summary: SessionSummary, into report: inout ReportBuilder) {
        report.heading(pick(da: "Gruppens fælles refleksion", en: "The group's shared reflection"))
        let shared = summary.members.flatMap { member in member.groupReflections.map { (member.name, $0) } }
        if shared.isEmpty {
            report.line(pick(da: "Ingen har skrevet i gruppens tråd.", en: "Nobody wrote in the group's thread."))
        }
        for (name, reflection) in shared {
            report.quote(reflection.text, author: name, note: reflectionNote(reflection))
        }
        report.heading(pick(da: "Individuelle refleksioner", en: "Individual reflections"))
        let own = summary.members.flatMap { member in member.privateReflections.map { (member.name, $0) } }
        if own.isEmpty {
            report.line(pick(da: "Ingen individuelle refleksioner.", en: "No individual reflections."))
        }
        for (name, reflection) in own {
            report.quote(reflection.text, author: name, note: reflectionNote(reflection))
        }
    }

    private func questionsAndTasks(
        _ summary: SessionSummary, names: [String: String], into report: inout ReportBuilder
    ) {
        let none = pick(da: "ingen", en: "none")
        let questionsLabel = pick(da: "Spørgsmål til målene", en: "Questions about the goals")
        if summary.questions.isEmpty {
            report.labelled(questionsLabel, none)
        } else {
            report.items(questionsLabel, summary.questions.map { ("•", $0.name + ": " + $0.text) })
        }
        let tasksLabel = pick(da: "Aftalte opgaver", en: "Tasks agreed")
        if summary.tasks.isEmpty {
            report.labelled(tasksLabel, none)
        } else {
            report.items(tasksLabel, texts.tasks.taskLines(summary.tasks, names: names, showHolder: true))
        }
    }

    private func missing(_ summary: SessionSummary, into report: inout ReportBuilder) {
        let missing = summary.missing.map(\.name)
        if missing.isEmpty {
            report.line(pick(da: "Alle har skrevet en refleksion.", en: "Everyone has written a reflection."))
        } else {
            report.labelled(pick(da: "Mangler refleksion", en: "Missing reflection"),
                            missing.joined(separator: ", "))
        }
        let absent = summary.members.filter(\.absent).map(\.name)
        if !absent.isEmpty {
            report.labelled(pick(da: "Fraværende (meldt afbud)", en: "Absent (excused)"),
                            absent.joined(separator: ", "))
        }
    }

    /// "for sent, redigeret, patientoplysninger skjult" / "late, edited, patient details masked"; nil when none.
    func reflectionNote(_ reflection: ReflectionLine) -> String? {
        var notes: [String] = []
        if reflection.late { notes.append(lateWord()) }
        if reflection.edited { notes.append(pick(da: "redigeret", en: "edited")) }
        if reflection.masked { notes.append(pick(da: "patientoplysninger skjult", en: "patient details masked")) }
        return notes.isEmpty ? nil : notes.joined(separator: ", ")
    }

    func lateWord() -> String {
        pick(da: "for sent", en: "late")
    }
}
