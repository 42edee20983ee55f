/// `!release` of an assessment round, `!extend` of one student's deadlines, `!overview` of the course.
public enum CourseCommand: FamilyCommand {
    case release(group: GroupRef, round: Int?)
    case extend(user: UserArgument, duration: DurationSpec)
    case overview(group: GroupRef)

    var name: CommandName {
        switch self {
        case .release: .release
        case .extend: .extend
        case .overview: .overview
        }
    }

    var command: Command { .course(self) }

    var texts: [(TextKind, String)] {
        switch self {
        case .release, .extend, .overview: []
        }
    }

    var studentText: String? {
        switch self {
        case .release, .extend, .overview: nil
        }
    }

    func replacingStudentText(with text: String) -> Self {
        switch self {
        case .release, .extend, .overview: self
        }
    }

    static let definitions: [CommandDefinition] = [
        define(.release, en: ["release"], da: ["frigiv"], roles: .supervisors,
               arguments: ("[<group>] [round]", "[<gruppe>] [runde]"),
               summary: ("Release a closed assessment round: each student gets their band and peers' comments, without names.",
                         "Frigiv en afsluttet vurderingsrunde: hver studerende får sit niveau og de andres kommentarer uden navne."), parse: CommandParser.parseRelease),
        define(.extend, en: ["extend"], da: ["forlæng"], roles: .supervisors,
               arguments: ("@user <duration>", "@bruger <varighed>"), user: .somewhere,
               summary: ("Give one student more time: their open reflection and assessment deadlines move.",
                         "Giv én studerende mere tid: de åbne frister for refleksion og vurdering flyttes."), parse: CommandParser.parseExtend),
        define(.overview, en: ["overview"], da: ["overblik"], roles: .supervisors,
               arguments: ("[<group>|all]", "[<gruppe>|alle]"), answersInSupervisorRoom: true,
               summary: ("Each student's course so far: goals, contributions, reflections, facilitations, tasks, WebPA trend.",
                         "Hver studerendes forløb: mål, bidrag, refleksioner, facilitering, opgaver og WebPA-udvikling.")) {
            CommandParser.onlyGroup(&$0).map { .overview(group: $0) }
        },
    ]
}

/// The family's commands as texts, answers and tests name them.
extension CommandName {
    public static let release = CommandName(.course, "release")
    public static let extend = CommandName(.course, "extend")
    public static let overview = CommandName(.course, "overview")
}
