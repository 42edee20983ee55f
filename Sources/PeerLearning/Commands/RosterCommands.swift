extension CommandFamily {
    /// `!student add`, `!student remove`, `!students`.
    static let rosterCommands: [CommandDefinition] = [
        .init(.studentAdd, en: ["student add"], da: ["studerende tilføj"], roles: .supervisors,
              arguments: ("@user \"Full Name\" [key=value1,value2 …]", "@bruger \"Fulde navn\" [nøgle=værdi1,værdi2 …]"),
              answersInSupervisorRoom: true, parse: CommandParser.parseStudentAdd),
        .init(.studentRemove, en: ["student remove"], da: ["studerende fjern"], roles: .supervisors,
              arguments: ("@user", "@bruger"), user: .rest) { CommandParser.onlyUser(&$0).map { .studentRemove(userID: $0) } },
        .init(.students, en: ["students"], da: ["studerende"], roles: .supervisors, answersInSupervisorRoom: true, always: .students),
    ]
}
