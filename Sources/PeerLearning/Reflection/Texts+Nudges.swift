/// Something a student still has to do, as `!remind` lists it.
public enum OpenItem: Sendable, Equatable {
    /// Confirm the goals of an upcoming session.
    case confirmGoals(SessionPlan)
    /// Reflect on a session that has ended.
    case reflect(SessionPlan)
    /// Rate the peers in a running assessment round.
    case assess(groupName: String)

    var group: String {
        switch self {
        case let .confirmGoals(plan), let .reflect(plan): plan.group
        case let .assess(groupName): groupName
        }
    }

    var session: Int? {
        switch self {
        case let .confirmGoals(plan), let .reflect(plan): plan.number
        case .assess: nil
        }
    }
}

extension ReflectionTexts {
    /// `!remind`: one student's nudge in their direct room, listing everything still open.
    public func nudge(
        name: String, openItems: [OpenItem]
    ) -> BotMessage {
        var message = ReportBuilder()
        message.bullets(pick(da: "Hej \(name) – din vejleder minder dig om, at du mangler:",
                             en: "Hi \(name) — your supervisor would like to remind you that you still have to:"),
                        openItems.map { nudgeLine($0) })
        let groups = Set(openItems.map(\.group))
        let sessions = Set(openItems.compactMap(\.session))
        return message.message(.reminder, group: groups.count == 1 ? groups.first : nil,
                               session: sessions.count == 1 ? sessions.first : nil)
    }

    /// `!remind`: the reply to the supervisor, saying how many were nudged.
    public func remindersSent(count: Int, group: String) -> BotMessage {
        let all = group.lowercased() == "all"
        let whom = all ? pick(da: "alle grupper", en: "all groups") : groupLabel(group)
        let body: String
        if count == 0 {
            body = pick(da: "Ingen i \(whom) mangler noget lige nu – der er ikke sendt nogen påmindelser.",
                        en: "Nobody in \(whom) has anything open right now — no reminders were sent.")
        } else {
            let students = count == 1 ? pick(da: "1 studerende", en: "1 student")
                : pick(da: "\(count) studerende", en: "\(count) students")
            body = pick(da: "Påmindelse sendt til \(students) i \(whom), hver i sit direkte rum.",
                        en: "Reminder sent to \(students) in \(whom), each in their direct room.")
        }
        return BotMessage(kind: .reply, paragraph: body, group: all ? nil : group)
    }

    private func nudgeLine(_ item: OpenItem) -> [MessageInline] {
        let da = language == .da
        switch item {
        case let .confirmGoals(plan):
            return [
                .text(da ? "at bekræfte målene for \(SessionTexts.sessionLabel(plan)): reagér med ✅ på målbeskeden i grupperummet eller skriv "
                         : "confirm the goals of \(SessionTexts.sessionLabel(plan)): react ✅ to the goals message in the group room or write "),
                .code(call(.understood)), .text("."),
            ]
        case let .reflect(plan):
            return [
                .text(da ? "at skrive din refleksion over \(SessionTexts.sessionLabel(plan)): skriv den her eller brug "
                         : "write your reflection on \(SessionTexts.sessionLabel(plan)): write it here or use "),
                .code(call(.reflect, da ? "<tekst>" : "<text>")), .text("."),
            ]
        case let .assess(groupName):
            return [.text(da ? "at give din peer-vurdering af \(groupLabel(groupName)): svar på vurderingsbeskederne her i rummet."
                             : "give your peer assessment in \(groupLabel(groupName)): answer the assessment messages here in this room.")]
        }
    }
}
