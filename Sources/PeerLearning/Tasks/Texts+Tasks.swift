extension TaskTexts {
    /// `!task add`: the task is recorded, with its number for closing it.
    public func taskAdded(
        _ task: TaskItem, assigneeName: String?
    ) -> BotMessage {
        let holder = task.isGroupTask ? wholeGroup() : (assigneeName ?? task.assignee ?? "")
        var message = ReportBuilder()
        message.line(pick(da: "Opgave #\(task.id) er oprettet til \(holder): ",
                          en: "Task #\(task.id) added for \(holder): ") + taskText(task, capped: true))
        message.line([
            .text(pick(da: "Når den er klaret, så skriv ", en: "When it is done, write ")),
            .code(call(.taskDone, String(task.id))), .text("."),
        ])
        return message.message(.tasks, group: task.group)
    }

    /// `!task done`: the task is closed.
    public func taskDone(_ task: TaskItem) -> BotMessage {
        let body = pick(da: "✓ Opgave #\(task.id) er markeret som færdig: ",
                        en: "✓ Task #\(task.id) is marked as done: ") + taskText(task, capped: true)
        return BotMessage(kind: .tasks, paragraph: body, group: task.group)
    }

    /// `!tasks`: the caller's tasks and the group's, open ones first and done ones ticked.
    /// `names` maps user ids to names for tasks held by someone else.
    public func tasksList(
        mine: [TaskItem], group: [TaskItem], names: [String: String]
    ) -> BotMessage {
        let none = pick(da: "ingen", en: "none")
        var message = ReportBuilder()
        message.heading(pick(da: "Opgaver", en: "Tasks"))
        let sections = [
            (pick(da: "Dine opgaver", en: "Your tasks"), mine, false),
            (pick(da: "Gruppens opgaver", en: "The group's tasks"), group, true),
        ]
        for (label, tasks, showHolder) in sections {
            if tasks.isEmpty {
                message.labelled(label, none)
            } else {
                message.items(label, taskLines(tasks, names: names, showHolder: showHolder))
            }
        }
        let all = mine + group
        if all.contains(where: { !$0.done }) {
            message.line([.text(pick(da: "Luk en opgave med ", en: "Close a task with ")),
                          .code(CommandName.taskDone.usage(prefix: prefix, language: language)), .text(".")])
        } else {
            message.line([.text(pick(da: "Ingen åbne opgaver. Tilføj en med ",
                                     en: "No open tasks. Add one with ")),
                          .code(CommandName.taskAdd.usage(prefix: prefix, language: language)), .text(".")])
        }
        let groups = Set(all.map(\.group))
        return message.message(.tasks, group: groups.count == 1 ? groups.first : nil)
    }

    /// `!task done` with a number that names no task.
    public func taskNotFound(id: Int) -> BotMessage {
        let tasks = call(.tasks)
        let body = pick(da: "Der findes ingen opgave #\(id). Se dine og gruppens opgaver med \(tasks). Intet er ændret.",
                        en: "There is no task #\(id). See your tasks and the group's with \(tasks). Nothing was changed.")
        return BotMessage(kind: .error, paragraph: body, error: .notFound)
    }

    /// `!task done` on someone else's task.
    public func taskNotYours(id: Int) -> BotMessage {
        let body = pick(da: "Opgave #\(id) er ikke din. Den kan lukkes af den, der har den, af alle i gruppen hvis det er en gruppeopgave, af facilitatoren eller af en vejleder. Intet er ændret.",
                        en: "Task #\(id) is not yours. It can be closed by whoever holds it, by anyone in the group if it is a group task, by the facilitator or by a supervisor. Nothing was changed.")
        return BotMessage(kind: .error, paragraph: body, error: .forbidden)
    }

    /// Open tasks first, then done ones, each in number order, with a box or a tick.
    func taskLines(
        _ tasks: [TaskItem], names: [String: String], showHolder: Bool
    ) -> [(mark: String, text: String)] {
        let ordered = tasks.filter { !$0.done }.sorted { $0.id < $1.id } + tasks.filter(\.done).sorted { $0.id < $1.id }
        return ordered.map { task in
            var text = "#\(task.id) " + taskText(task)
            if showHolder {
                let holder = task.assignee.map { names[$0] ?? $0 } ?? wholeGroup()
                text += " – " + holder
            }
            return (task.done ? "✓" : "☐", text)
        }
    }

    /// The task's text and due date; `capped` for an echo in a notice, which quotes it by
    /// `TextLimits.quote` (the list shows it whole).
    func taskText(_ task: TaskItem, capped: Bool = false) -> String {
        let text = capped ? Texts.quote(task.text) : task.text
        guard let due = task.due, !due.isEmpty else { return text }
        return text + pick(da: " (frist: \(due))", en: " (due: \(due))")
    }

    func wholeGroup() -> String {
        pick(da: "hele gruppen", en: "the whole group")
    }
}
