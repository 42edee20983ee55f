/// WebPA peer-assessment scores, as the contract defines them.
///
/// For a group of `n` members of whom `s` submitted: `T(i) = Σq Σj m(i,q,j)`,
/// `f(i,q,j) = m(i,q,j) / T(i)`, `R(j) = Σ(i submitted) Σq f(i,q,j)`, `w(j) = R(j) · n / s`.
///
/// A rater has submitted when they gave a complete rating (five marks 1–5) to every member they
/// were asked to rate: every other member, and themselves when self-assessment is on. A partial
/// submission counts as none, since `T(i)` over fewer members would weigh each mark more. A
/// rating of all zeros is no rating, so a rater who gave only zeros is left out and has not
/// submitted. Ratings from or about non-members are ignored, self-ratings are ignored when
/// self-assessment is off, and of two ratings for the same pair the later one counts.
public enum WebPA {
    /// The members `rater` is asked to rate, in order: every other member, then themselves when
    /// self-assessment is on.
    public static func subjects(for rater: String, members: [String], selfAssessment: Bool) -> [String] {
        let peers = unique(members).filter { $0 != rater }
        return selfAssessment ? peers + [rater] : peers
    }

    public static func scores(members: [String], ratings: [Rating], selfAssessment: Bool) -> WebPAResult {
        let group = unique(members)
        let given = latestRatings(ratings, members: Set(group), selfAssessment: selfAssessment)
        let submitters = group.filter { rater in
            let asked = subjects(for: rater, members: group, selfAssessment: selfAssessment)
            return !asked.isEmpty && asked.allSatisfy { given[rater]?[$0]?.isComplete == true }
        }
        let received = receivedShares(submitters, given: given, group: group, selfAssessment: selfAssessment)
        let results = group.map { member in
            memberResult(member, share: received[member], given: given, group: group,
                         submitted: submitters.contains(member), submitterCount: submitters.count)
        }
        return WebPAResult(members: results, groupSize: group.count, submitters: submitters)
    }

    /// `R(j)` for every member, exact where the fractions fit in `Int`, and as `Double` always.
    private static func receivedShares(
        _ submitters: [String], given: [String: [String: Rating]], group: [String], selfAssessment: Bool
    ) -> [String: (exact: WebPAFraction?, approximate: Double)] {
        var shares = Dictionary(uniqueKeysWithValues: group.map { ($0, (exact: Optional(WebPAFraction.zero), approximate: 0.0)) })
        for rater in submitters {
            let asked = subjects(for: rater, members: group, selfAssessment: selfAssessment)
            let total = asked.reduce(0) { $0 + (given[rater]?[$1]?.total ?? 0) }
            for subject in asked {
                let marks = given[rater]?[subject]?.total ?? 0
                let part = WebPAFraction(marks, total)
                var share = shares[subject] ?? (WebPAFraction.zero, 0)
                let sum = share.exact.flatMap { current in part.flatMap { current.adding($0) } }
                share.exact = sum
                share.approximate += Double(marks) / Double(total)
                shares[subject] = share
            }
        }
        return shares
    }

    private static func memberResult(
        _ member: String, share: (exact: WebPAFraction?, approximate: Double)?,
        given: [String: [String: Rating]], group: [String], submitted: Bool, submitterCount: Int
    ) -> WebPAMemberResult {
        var score: Double?
        var formatted: String?
        if let share, submitterCount > 0 {
            let n = group.count
            let exact = share.exact?.scaled(by: n, dividedBy: submitterCount)
            let approximate = share.approximate * Double(n) / Double(submitterCount)
            score = exact?.value ?? approximate
            let hundredths = exact?.roundedHundredths ?? WebPAScoreFormat.hundredths(approximate)
            formatted = WebPAScoreFormat.text(hundredths: hundredths)
        }
        let peers = group.filter { $0 != member }.compactMap { given[$0]?[member] }.filter(\.isComplete)
        let own = given[member]?[member].flatMap { $0.isComplete ? $0 : nil }
        return WebPAMemberResult(
            userID: member, score: score, formattedScore: formatted,
            peerMean: criterionMeans(peers), peerRatings: peers.count,
            selfMean: own.map { Double($0.total) / Double($0.marks.count) },
            flags: flags(peers: peers, own: own, submitted: submitted))
    }

    /// Decided on whole-number sums, so a mean exactly at a threshold is judged exactly:
    /// with `k` peer ratings of five marks totalling `P`, and an own total `S`,
    /// overconfident ⇔ S/5 − P/5k ≥ 1 ⇔ S·k − P ≥ 5k; low ⇔ P/5k < 2.5 ⇔ 2P < 25k.
    private static func flags(peers: [Rating], own: Rating?, submitted: Bool) -> Set<WebPAFlag> {
        var flags: Set<WebPAFlag> = submitted ? [] : [.noSubmission]
        let k = peers.count
        guard k > 0 else { return flags }
        let peerTotal = peers.reduce(0) { $0 + $1.total }
        let marks = AssessmentCriterion.allCases.count
        if 2 * peerTotal < 5 * marks * k { flags.insert(.low) }
        if let own, own.total * k - peerTotal >= marks * k { flags.insert(.overconfident) }
        return flags
    }

    private static func criterionMeans(_ ratings: [Rating]) -> [Double] {
        guard !ratings.isEmpty else { return [] }
        return AssessmentCriterion.allCases.map { criterion in
            Double(ratings.reduce(0) { $0 + $1.marks[criterion.rawValue] }) / Double(ratings.count)
        }
    }

    /// rater → subject → the rating that counts.
    private static func latestRatings(
        _ ratings: [Rating], members: Set<String>, selfAssessment: Bool
    ) -> [String: [String: Rating]] {
        var given: [String: [String: Rating]] = [:]
        for rating in ratings where members.contains(rating.rater) && members.contains(rating.subject) {
            if rating.rater == rating.subject && !selfAssessment { continue }
            given[rating.rater, default: [:]][rating.subject] = rating
        }
        return given
    }

    private static func unique(_ members: [String]) -> [String] {
        var seen: Set<String> = []
        return members.filter { seen.insert($0).inserted }
    }
}
