/// One proposed group: its name, its members' user ids (in roster order) and its diversity.
public struct ProposedGroup: Sendable, Equatable, Codable {
    public var name: String
    public var members: [String]
    /// Diversity as SPEC defines it, without any pair penalty.
    public var score: Double

    public init(name: String, members: [String], score: Double) {
        self.name = name
        self.members = members
        self.score = score
    }
}

/// A proposed split (no rooms yet): the groups, the split's score, and a random split's score
/// for comparison.
public struct GroupProposal: Sendable, Equatable, Codable {
    public var groups: [ProposedGroup]
    /// The worst group's diversity (no pair penalty; with history it may be a little below what
    /// a plan without history would reach).
    public var score: Double
    /// The mean diversity over all groups, which breaks ties between equal worst scores.
    public var mean: Double
    /// The worst group's diversity in one random split made with the same seed.
    public var randomBaseline: Double
    /// Pairs of members who were in a group together before (each pair counted once).
    public var repeatedPairs: Int

    public init(groups: [ProposedGroup], score: Double, mean: Double, randomBaseline: Double, repeatedPairs: Int = 0) {
        self.groups = groups
        self.score = score
        self.mean = mean
        self.randomBaseline = randomBaseline
        self.repeatedPairs = repeatedPairs
    }

    /// Groups named A, B, … in the order of their first member by name; members by name.
    init(students: [Student], assignment: [Int], baseline: [Int], history: [StudentPair: Int]) {
        let split = GroupProposal.groups(students, assignment)
        let ordered = split.map { $0.sorted(by: Student.rosterOrder) }
            .sorted { Student.rosterOrder($0[0], $1[0]) }
        let cohortValues = GroupFormation.distinctValues(students)
        groups = ordered.enumerated().map { index, members in
            ProposedGroup(name: GroupProposal.name(index), members: members.map(\.userID),
                          score: GroupFormation.diversity(of: members, cohortValues: cohortValues))
        }
        score = groups.map(\.score).min() ?? 0
        mean = groups.map(\.score).reduce(0, +) / Double(max(1, groups.count))
        randomBaseline = GroupFormation.score(of: GroupProposal.groups(students, baseline)).worst
        repeatedPairs = StudentPair.history(of: [groups.map(\.members)]).keys.filter { (history[$0] ?? 0) > 0 }.count
    }

    /// The split's score as (worst, mean).
    public var splitScore: SplitScore { SplitScore(worst: score, mean: mean) }

    /// Group `index` → `A` … `Z`, then `AA`, `AB`, … like spreadsheet columns.
    public static func name(_ index: Int) -> String {
        var number = index + 1
        var letters: [Character] = []
        while number > 0 {
            let digit = (number - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + digit))), at: 0)
            number = (number - 1) / 26
        }
        return String(letters)
    }

    private static func groups(_ students: [Student], _ assignment: [Int]) -> [[Student]] {
        var split = [[Student]](repeating: [], count: (assignment.max() ?? -1) + 1)
        for (student, group) in zip(students, assignment) { split[group].append(student) }
        return split.filter { !$0.isEmpty }
    }
}
