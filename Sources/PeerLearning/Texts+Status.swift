extension Texts {
    /// `!status`: next session, facilitator, open tasks and what is waiting, saying plainly
    /// when there is nothing; a guest is told how to get on the roster.
    public func status(_ info: StatusInfo) -> BotMessage {
        guard info.role != .guest else { return guestStatus() }
        let session = info.nextSession
            ?? pick(da: "ingen session er planlagt endnu", en: "no session planned yet")
        let facilitator = info.facilitator
            ?? pick(da: "ikke fastlagt endnu", en: "not decided yet")
        var next: [MessageInline] = [.strong(pick(da: "Næste session:", en: "Next session:")), .text(" " + session + "\n")]
        if let number = info.callerFacilitates {
            // Spoken to, not named: a student reading their own name as "Facilitator" may miss it.
            next.append(.strong(pick(da: "Du er facilitator for #\(number).", en: "You facilitate #\(number).")))
        } else {
            next += [.strong("Facilitator:"), .text(" " + facilitator)]
        }
        var blocks: [MessageBlock] = [.paragraph(next)]
        let tasksLabel = MessageInline.strong(pick(da: "Dine åbne opgaver:", en: "Your open tasks:"))
        if info.openTasks.isEmpty {
            blocks.append(.paragraph([tasksLabel, .text(" " + pick(da: "ingen", en: "none"))]))
        } else {
            blocks += [.paragraph([tasksLabel]), .list(MessageList(texts: info.openTasks))]
        }
        blocks += waitingLines(info).map { .paragraph([.text($0)]) }
        return BotMessage(kind: .status, [.group(blocks)])
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
