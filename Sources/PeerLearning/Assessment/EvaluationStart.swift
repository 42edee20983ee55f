/// The decision for `!evaluate`: which of the groups asked for start a peer-assessment round.
public struct EvaluationStart: Sendable, Equatable {
    /// The indices (in the groups asked for) of the groups whose round starts, in order.
    public var starts: [Int]
    /// The answer about the last group asked for.
    public var reply: BotMessage

    /// A group as `!evaluate` sees it.
    public struct Group: Sendable, Equatable {
        public var name: String
        /// Whether a round of this group is open already.
        public var roundOpen: Bool
        /// How many students are in the group: a round needs two, so someone has a peer to rate.
        public var members: Int

        public init(name: String, roundOpen: Bool, members: Int) {
            self.name = name
            self.roundOpen = roundOpen
            self.members = members
        }
    }

    /// An open round is never started twice; no group at all is answered with the empty overview.
    public static func decide(_ groups: [Group], say: Texts) -> EvaluationStart {
        var starts: [Int] = []
        var last: BotMessage?
        for (index, group) in groups.enumerated() {
            if group.roundOpen {
                last = say.assessment.assessmentAlreadyRunning(group: group.name)
            } else if group.members >= 2 {
                starts.append(index)
                last = say.assessment.assessmentStarted(group: group.name, students: group.members)
            } else {
                last = say.assessment.assessmentNothingToRate(group: group.name)
            }
        }
        return EvaluationStart(starts: starts, reply: last ?? say.groups.groupsOverview([]))
    }
}
