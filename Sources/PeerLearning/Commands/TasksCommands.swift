extension CommandFamily {
    /// `!task add`, `!task done`, `!tasks`.
    static let tasksCommands: [CommandDefinition] = [
        .init(.taskAdd, en: ["task add"], da: ["opgave tilføj"], roles: .members,
              arguments: ("[@user|me|group] <text> [due <date>]", "[@bruger|mig|gruppe] <tekst> [frist <dato>]"),
              user: .somewhere, parse: CommandParser.parseTaskAdd),
        .init(.taskDone, en: ["task done"], da: ["opgave færdig"], roles: .members,
              arguments: ("<#id>", "<#nr>"), parse: CommandParser.parseTaskDone),
        .init(.tasks, en: ["tasks"], da: ["opgaver"], roles: .members, always: .tasks),
    ]
}
