/// One step of a `!release`, in the order the runtime applies it in the batch's transaction.
public enum ReleaseEffect: Sendable, Equatable {
    /// Send `message` to the student's direct room, naming them.
    case sendToStudent(userID: String, BotMessage)
    /// Note the round released, so nothing is sent twice.
    case markReleased
}

/// The decision for `!release` in one group: which round, and what each student is sent.
public struct AssessmentRelease: Sendable, Equatable {
    public var effects: [ReleaseEffect]
    public var reply: BotMessage

    /// A round of the group as `!release` sees it, oldest first.
    public struct Round: Sendable, Equatable {
        public var isOpen: Bool
        public var released: Bool

        public init(isOpen: Bool, released: Bool) {
            self.isOpen = isOpen
            self.released = released
        }
    }

    /// The round `!release` takes, or why it takes none.
    public enum RoundChoice: Sendable, Equatable {
        /// The round's index in the group's rounds, oldest first.
        case round(Int)
        case refused(BotMessage)
    }

    /// The index of the round to release — the numbered one, or else the latest closed one, or
    /// else the latest — or why none can be.
    public static func chooseRound(
        _ rounds: [Round], number: Int?, group: String, say: Texts
    ) -> RoundChoice {
        let chosen: Int? = number.map { $0 - 1 } ?? rounds.lastIndex { !$0.isOpen } ?? (rounds.isEmpty ? nil : rounds.count - 1)
        guard let index = chosen, rounds.indices.contains(index) else {
            return .refused(say.assessment.noSuchRound(group: group, round: number))
        }
        if rounds[index].isOpen { return .refused(say.assessment.roundStillOpen(group: group, round: index + 1)) }
        if rounds[index].released { return .refused(say.assessment.roundAlreadyReleased(group: group, round: index + 1)) }
        return .round(index)
    }

    /// Each member gets their band and, when at least `minimum` peers commented, the comments
    /// in an order `generator` shuffles; `students` speaks the direct rooms' language.
    public static func decide<G: RandomNumberGenerator>(
        round index: Int, group: String, result: WebPAResult, ratings: [Rating], minimum: Int,
        students: Texts, say: Texts, using generator: inout G
    ) -> AssessmentRelease {
        var effects: [ReleaseEffect] = []
        var withComments = 0
        for member in result.members {
            let comments = AnonymousComments.forRelease(ratings, subject: member.userID, minimum: minimum, using: &generator)
            if comments != nil { withComments += 1 }
            let message = students.assessment.releasedResult(band: member.band, comments: comments, minimum: minimum, group: group)
            effects.append(.sendToStudent(userID: member.userID, message))
        }
        effects.append(.markReleased)
        return AssessmentRelease(effects: effects, reply: say.assessment.roundReleased(
            group: group, round: index + 1, students: result.members.count, withComments: withComments))
    }
}
