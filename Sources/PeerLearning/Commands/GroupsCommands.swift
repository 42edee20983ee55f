/// `!groups plan`, `!groups create`, `!groups`, `!group move`.
public enum GroupsCommand: FamilyCommand {
    case groupsPlan(size: Int?, seed: UInt64?)
    case groupsCreate
    case groups
    case groupMove(userID: String, group: String)

    var name: CommandName {
        switch self {
        case .groupsPlan: .groupsPlan
        case .groupsCreate: .groupsCreate
        case .groups: .groups
        case .groupMove: .groupMove
        }
    }

    var command: Command { .groups(self) }

    var texts: [(TextKind, String)] {
        switch self {
        case .groupsPlan, .groupsCreate, .groups, .groupMove: []
        }
    }

    var studentText: String? {
        switch self {
        case .groupsPlan, .groupsCreate, .groups, .groupMove: nil
        }
    }

    func replacingStudentText(with text: String) -> Self {
        switch self {
        case .groupsPlan, .groupsCreate, .groups, .groupMove: self
        }
    }

    static let definitions: [CommandDefinition] = [
        define(.groupsPlan, en: ["groups plan"], da: ["grupper planlæg"], roles: .supervisors,
               arguments: ("[size=N] [seed=N]", "[størrelse=N] [seed=N]"),
               summary: ("Propose diverse groups (no rooms yet), with scores and a random split for comparison.",
                         "Foreslå alsidige grupper (endnu uden rum) med score og en tilfældig fordeling til sammenligning."), parse: CommandParser.parseGroupsPlan),
        define(.groupsCreate, en: ["groups create"], da: ["grupper opret"], roles: .supervisors,
               summary: ("Create rooms for the last proposal, invite everyone and post a welcome.",
                         "Opret rum til det seneste forslag, invitér alle og send en velkomst."), always: .groupsCreate),
        define(.groups, en: ["groups"], da: ["grupper"], roles: .supervisors,
               summary: ("Show the groups with their rooms and members.",
                         "Vis grupperne med deres rum og medlemmer."), always: .groups),
        define(.groupMove, en: ["group move"], da: ["gruppe flyt"], roles: .supervisors,
               arguments: ("@user <group>", "@bruger <gruppe>"), user: .somewhere,
               summary: ("Move a student to another existing group.",
                         "Flyt en studerende til en anden eksisterende gruppe."), parse: CommandParser.parseGroupMove),
    ]
}

/// The family's commands as texts, answers and tests name them.
extension CommandName {
    public static let groupsPlan = CommandName(.groups, "groupsPlan")
    public static let groupsCreate = CommandName(.groups, "groupsCreate")
    public static let groups = CommandName(.groups, "groups")
    public static let groupMove = CommandName(.groups, "groupMove")
}
