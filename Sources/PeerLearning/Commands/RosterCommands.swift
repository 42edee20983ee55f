/// `!student add`, `!student remove`, `!students`.
public enum RosterCommand: FamilyCommand {
    case studentAdd(userID: String, name: String, attributes: [String: [String]])
    case studentRemove(userID: String)
    case students

    var name: CommandName {
        switch self {
        case .studentAdd: .studentAdd
        case .studentRemove: .studentRemove
        case .students: .students
        }
    }

    var command: Command { .roster(self) }

    var texts: [(TextKind, String)] {
        switch self {
        case .studentAdd(_, let name, let attributes):
            [(.name, name)] + attributes.flatMap { key, values in [(.name, key)] + values.map { (.name, $0) } }
        case .studentRemove, .students: []
        }
    }

    var studentText: String? {
        switch self {
        case .studentAdd, .studentRemove, .students: nil
        }
    }

    func replacingStudentText(with text: String) -> Self {
        switch self {
        case .studentAdd, .studentRemove, .students: self
        }
    }

    static let definitions: [CommandDefinition] = [
        define(.studentAdd, en: ["student add"], da: ["studerende tilføj"], roles: .supervisors,
               arguments: ("@user \"Full Name\" [key=value1,value2 …]", "@bruger \"Fulde navn\" [nøgle=værdi1,værdi2 …]"),
               answersInSupervisorRoom: true,
               summary: ("Add a student to the roster or update one; any key=value is an attribute (strengths=, background=, style=).",
                         "Tilføj eller opdatér en studerende på holdlisten; enhver nøgle=værdi er en egenskab (styrker=, baggrund=, stil=)."), parse: CommandParser.parseStudentAdd),
        define(.studentRemove, en: ["student remove"], da: ["studerende fjern"], roles: .supervisors,
               arguments: ("@user", "@bruger"), user: .rest,
               summary: ("Remove a student from the roster and from future sessions.",
                         "Fjern en studerende fra holdlisten og fra kommende sessioner.")) {
            CommandParser.onlyUser(&$0).map { .studentRemove(userID: $0) }
        },
        define(.students, en: ["students"], da: ["studerende"], roles: .supervisors, answersInSupervisorRoom: true,
               summary: ("Show the roster.",
                         "Vis holdlisten."), always: .students),
    ]
}

/// The family's commands as texts, answers and tests name them.
extension CommandName {
    public static let studentAdd = CommandName(.roster, "studentAdd")
    public static let studentRemove = CommandName(.roster, "studentRemove")
    public static let students = CommandName(.roster, "students")
}
