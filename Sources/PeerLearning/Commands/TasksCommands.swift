/// `!task add`, `!task done`, `!tasks`.
public enum TasksCommand: FamilyCommand {
    case taskAdd(assignee: TaskAssignee?, text: String, due: String?)
    case taskDone(id: Int)
    case tasks

    var name: CommandName {
        switch self {
        case .taskAdd: .taskAdd
        case .taskDone: .taskDone
        case .tasks: .tasks
        }
    }

    var command: Command { .tasks(self) }

    var texts: [(TextKind, String)] {
        switch self {
        case .taskAdd(_, let text, _): [(.task, text)]
        case .taskDone, .tasks: []
        }
    }

    var studentText: String? {
        switch self {
        case .taskAdd(_, let text, _): text
        case .taskDone, .tasks: nil
        }
    }

    func replacingStudentText(with text: String) -> Self {
        switch self {
        case .taskAdd(let assignee, _, let due): .taskAdd(assignee: assignee, text: text, due: due)
        case .taskDone, .tasks: self
        }
    }

    static let definitions: [CommandDefinition] = [
        define(.taskAdd, en: ["task add"], da: ["opgave tilføj"], roles: .members,
               arguments: ("[@user|me|group] <text> [due <date>]", "[@bruger|mig|gruppe] <tekst> [frist <dato>]"), user: .somewhere,
               summary: ("Add a task for one student or for the group.",
                         "Tilføj en opgave til én studerende eller til gruppen."), parse: CommandParser.parseTaskAdd),
        define(.taskDone, en: ["task done"], da: ["opgave færdig"], roles: .members, arguments: ("<#id>", "<#nr>"),
               summary: ("Mark a task as done.",
                         "Markér en opgave som færdig."), parse: CommandParser.parseTaskDone),
        define(.tasks, en: ["tasks"], da: ["opgaver"], roles: .members,
               summary: ("Show your tasks and the group's.",
                         "Vis dine og gruppens opgaver."), always: .tasks),
    ]
}

/// The family's commands as texts, answers and tests name them.
extension CommandName {
    public static let taskAdd = CommandName(.tasks, "taskAdd")
    public static let taskDone = CommandName(.tasks, "taskDone")
    public static let tasks = CommandName(.tasks, "tasks")
}
