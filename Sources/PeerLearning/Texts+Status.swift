extension Texts {
    /// `!status`: next session, facilitator, open tasks and what is waiting, saying plainly
    /// when there is nothing; a guest is told how to get on the roster.
    public func status(_ info: StatusInfo) -> BotMessage {
        guard info.role != .guest else { return guestStatus() }
        let session = info.nextSession
            ?? pick(da: "ingen session er planlagt endnu", en: "no session planned yet")
        let facilitator = info.facilitator
            ?? pick(da: "ikke fastlagt endnu", en: "not decided yet")
        var lines = [pick(da: "Næste session: ", en: "Next session: ") + session]
        var html = "<p><strong>\(pick(da: "Næste session:", en: "Next session:"))</strong> \(HTML.escape(session))<br>"
        if let number = info.callerFacilitates {
            // Spoken to, not named: a student reading their own name as "Facilitator" may miss it.
            let you = pick(da: "Du er facilitator for #\(number).", en: "You facilitate #\(number).")
            lines.append(you)
            html += "<strong>\(HTML.escape(you))</strong></p>"
        } else {
            lines.append(pick(da: "Facilitator: ", en: "Facilitator: ") + facilitator)
            html += "<strong>Facilitator:</strong> \(HTML.escape(facilitator))</p>"
        }
        let tasksLabel = pick(da: "Dine åbne opgaver:", en: "Your open tasks:")
        if info.openTasks.isEmpty {
            let none = pick(da: "ingen", en: "none")
            lines.append("\(tasksLabel) \(none)")
            html += "<p><strong>\(tasksLabel)</strong> \(none)</p>"
        } else {
            lines.append(tasksLabel)
            lines += info.openTasks.map { "• \($0)" }
            html += "<p><strong>\(tasksLabel)</strong></p><ul>"
                + info.openTasks.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>"
        }
        let waiting = waitingLines(info)
        lines += waiting
        html += waiting.map(HTML.paragraph).joined()
        return BotMessage(kind: .status, body: lines.joined(separator: "\n"), html: html)
    }

    private func waitingLines(_ info: StatusInfo) -> [String] {
        var lines: [String] = []
        if info.pendingReflection {
            lines.append(pick(da: "Du mangler at skrive din refleksion over seneste session.",
                              en: "You have not yet written your reflection on the latest session."))
        }
        if info.pendingAssessment {
            lines.append(pick(da: "Du mangler at give din peer-vurdering.",
                              en: "You have not yet given your peer assessment."))
        }
        if lines.isEmpty, info.role == .student {
            lines.append(pick(da: "Ingen refleksion eller vurdering venter på dig.",
                              en: "No reflection or assessment is waiting for you."))
        }
        return lines
    }

    private func guestStatus() -> BotMessage {
        let help = prefix + CommandName.help.displayWord(in: language)
        let status = prefix + CommandName.status.displayWord(in: language)
        let body = pick(da: "Du er ikke på holdlisten. Bed en vejleder om at tilføje dig; indtil da kan du bruge \(help) og \(status).",
                        en: "You are not on the roster. Ask a supervisor to add you; until then you can use \(help) and \(status).")
        return BotMessage(kind: .status, paragraph: body)
    }
}
