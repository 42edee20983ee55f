import Foundation

/// One step of starting a peer-assessment round, in the order the runtime applies it.
public enum AssessmentRoundStartEffect: Sendable, Equatable {
    /// Store the round with every rater's subjects in the order they are asked about.
    case open(raters: [String], subjects: [String: [String]], deadline: Date)
    /// Send `message` to the student's direct room (made first if they have none), mentioning them.
    case tell(userID: String, BotMessage)
    /// Record that the rater has been asked about `subject` (the request just told).
    case markRequested(rater: String, subject: String)
}

/// The decision to open a group's peer-assessment round, by `!evaluate` or the cadence: each
/// student gets the introduction and the request for their first rating.
public struct AssessmentRoundStart: Sendable, Equatable {
    public var effects: [AssessmentRoundStartEffect]

    /// A student of the group: their user id and roster name.
    public struct Member: Sendable, Equatable {
        public var userID: String
        public var name: String

        public init(userID: String, name: String) {
            self.userID = userID
            self.name = name
        }
    }

    public init(effects: [AssessmentRoundStartEffect]) {
        self.effects = effects
    }

    /// Nil when a round is open already or there is nobody to rate (fewer than two students).
    /// `say` speaks the deployment's language: the messages go to each student's direct room.
    public static func decide(
        group: String, members: [Member], roundOpen: Bool, selfAssessment: Bool, deadline: Date, criteria: String?,
        timeZone: ZoneRules, say: Texts
    ) -> AssessmentRoundStart? {
        guard !roundOpen, members.count >= 2 else { return nil }
        let raters = members.map(\.userID)
        let names = Dictionary(members.map { ($0.userID, $0.name) }, uniquingKeysWith: { first, _ in first })
        let subjects = Dictionary(raters.map { ($0, WebPA.subjects(for: $0, members: raters, selfAssessment: selfAssessment)) },
                                  uniquingKeysWith: { first, _ in first })
        var effects: [AssessmentRoundStartEffect] = [.open(raters: raters, subjects: subjects, deadline: deadline)]
        for rater in raters {
            effects.append(.tell(userID: rater, say.assessment.assessmentIntro(group: group, peers: members.count - 1, includesSelf: selfAssessment,
                                                                              criteria: criteria, deadline: deadline, timeZone: timeZone)))
            let asked = subjects[rater] ?? []
            guard let first = asked.first else { continue }
            effects.append(.tell(userID: rater, say.assessment.assessmentRequest(subjectName: names[first] ?? first, subjectUserID: first, index: 1,
                                                                                of: asked.count, isSelf: first == rater, group: group)))
            effects.append(.markRequested(rater: rater, subject: first))
        }
        return AssessmentRoundStart(effects: effects)
    }
}
