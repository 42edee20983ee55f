/// What the supervisors are warned about in a member's assessment.
public enum WebPAFlag: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    /// The member's self-rating mean is at least one point above the peers' mean.
    case overconfident
    /// The member's self-rating mean is at least one point below the peers' mean.
    case underconfident
    /// The peers' mean for the member is below 2.5.
    case low
    /// The member did not rate everyone they were asked to rate.
    case noSubmission = "no_submission"
    /// As a rater, the member gave every peer the same marks on every criterion (two peers or more).
    case undifferentiated
}

/// One member's outcome of a peer-assessment round.
public struct WebPAMemberResult: Sendable, Equatable, Codable {
    public var userID: String
    /// The WebPA score `w(j)` (group average 1.0); nil when no rater who submitted rated this member.
    public var score: Double?
    /// The score with two decimals, halves away from zero (`"1.05"`); nil with `score`.
    public var formattedScore: String?
    /// The mean mark per criterion (in `AssessmentCriterion` order) from the other members who
    /// rated this one completely; empty when no peer did.
    public var peerMean: [Double]
    /// How many other members' complete ratings `peerMean` is made of.
    public var peerRatings: Int
    /// The mean of the member's own marks for themselves; nil without a complete self-rating.
    public var selfMean: Double?
    public var flags: Set<WebPAFlag>

    public init(
        userID: String, score: Double?, formattedScore: String?, peerMean: [Double], peerRatings: Int,
        selfMean: Double?, flags: Set<WebPAFlag>
    ) {
        self.userID = userID
        self.score = score
        self.formattedScore = formattedScore
        self.peerMean = peerMean
        self.peerRatings = peerRatings
        self.selfMean = selfMean
        self.flags = flags
    }

    /// The mean of all the peers' marks; nil when no peer rated this member.
    public var peerOverallMean: Double? {
        peerMean.isEmpty ? nil : peerMean.reduce(0, +) / Double(peerMean.count)
    }

    /// The coarse band a student may be told; nil without a score.
    public var band: WebPABand? {
        formattedScore.flatMap { Double($0) }.map(WebPABand.init(score:))
    }
}

/// The outcome of a peer-assessment round for one group: every member, in the order given.
public struct WebPAResult: Sendable, Equatable, Codable {
    public var members: [WebPAMemberResult]
    /// `n`: the members of the group.
    public var groupSize: Int
    /// The user ids of the members whose ratings count, in member order; `s` is their number.
    public var submitters: [String]

    public init(members: [WebPAMemberResult], groupSize: Int, submitters: [String]) {
        self.members = members
        self.groupSize = groupSize
        self.submitters = submitters
    }

    /// `s`: how many members submitted.
    public var submitted: Int { submitters.count }

    /// The result for one member.
    public subscript(userID: String) -> WebPAMemberResult? {
        members.first { $0.userID == userID }
    }

    /// `peerbot.scores`: user id → score with two decimals; members without a score are left out.
    public var scoreStrings: [String: String] {
        var scores: [String: String] = [:]
        for member in members {
            if let score = member.formattedScore { scores[member.userID] = score }
        }
        return scores
    }
}
