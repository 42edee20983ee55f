/// WebPA peer-assessment scores, fair to non-submitters, as the contract defines them.
///
/// Rater `i` (a member who submitted) rates `P(i)`: the other members, and themselves when
/// self-assessment is on. `F(i,j) = Σq m(i,q,j) / Σq Σk∈P(i) m(i,q,k)` is the share of `i`'s marks
/// that went to `j`; `A(j)` the raters who rated `j`; `w(j) = (1/|A(j)|) · Σ(i∈A(j)) F(i,j) · |P(i)|`.
/// When everyone submits this is classic WebPA (`R(j) · n / s`); unlike it, a member's own silence
/// neither raises nor lowers their score. A member nobody rated has no score.
///
/// A rater has submitted when they gave a complete rating (five marks 1–5) to every member they
/// were asked to rate. A partial submission counts as none, since `F(i,j)` over fewer members
/// would weigh each mark more. A rating of all zeros is no rating. Ratings from or about
/// non-members are ignored, self-ratings are ignored when self-assessment is off, and of two
/// ratings for the same pair the later one counts.
public enum WebPA {
    /// The members `rater` is asked to rate, in order: themselves first when self-assessment is
    /// on (so their own view is given before they look at the others), then every other member.
    public static func subjects(for rater: String, members: [String], selfAssessment: Bool) -> [String] {
        let peers = unique(members).filter { $0 != rater }
        return selfAssessment ? [rater] + peers : peers
    }

    public static func scores(members: [String], ratings: [Rating], selfAssessment: Bool) -> WebPAResult {
        let group = unique(members)
        let given = latestRatings(ratings, members: Set(group), selfAssessment: selfAssessment)
        let submitters = group.filter { rater in
            let asked = subjects(for: rater, members: group, selfAssessment: selfAssessment)
            return !asked.isEmpty && asked.allSatisfy { given[rater]?[$0]?.isComplete == true }
        }
        let received = receivedShares(submitters, given: given, group: group, selfAssessment: selfAssessment)
        let undifferentiated = Set(submitters.filter { rater in
            let peers = group.filter { $0 != rater }.compactMap { given[rater]?[$0]?.marks }
            return peers.count >= 2 && Set(peers).count == 1
        })
        let results = group.map { member in
            memberResult(member, share: received[member], given: given, group: group,
                         submitted: submitters.contains(member), undifferentiated: undifferentiated.contains(member))
        }
        return WebPAResult(members: results, groupSize: group.count, submitters: submitters)
    }

    /// For every member: `Σ(i∈A(j)) F(i,j) · |P(i)|`, exact where the fractions fit in `Int`
    /// and as `Double` always, with `|A(j)|`.
    private static func receivedShares(
        _ submitters: [String], given: [String: [String: Rating]], group: [String], selfAssessment: Bool
    ) -> [String: WeightedShare] {
        var shares: [String: WeightedShare] = [:]
        for rater in submitters {
            let asked = subjects(for: rater, members: group, selfAssessment: selfAssessment)
            let total = asked.reduce(0) { $0 + (given[rater]?[$1]?.total ?? 0) }
            for subject in asked {
                let marks = given[rater]?[subject]?.total ?? 0
                shares[subject, default: WeightedShare()].add(marks: marks, of: total, equalShares: asked.count)
            }
        }
        return shares
    }

    private static func memberResult(
        _ member: String, share: WeightedShare?, given: [String: [String: Rating]], group: [String],
        submitted: Bool, undifferentiated: Bool
    ) -> WebPAMemberResult {
        var score: Double?
        var formatted: String?
        if let share, share.raters > 0 {
            let exact = share.exact?.scaled(by: 1, dividedBy: share.raters)
            let approximate = share.approximate / Double(share.raters)
            score = exact?.value ?? approximate
            formatted = WebPAScoreFormat.text(hundredths: exact?.roundedHundredths ?? WebPAScoreFormat.hundredths(approximate))
        }
        let peers = group.filter { $0 != member }.compactMap { given[$0]?[member] }.filter(\.isComplete)
        let own = given[member]?[member].flatMap { $0.isComplete ? $0 : nil }
        var flags = WebPAFlags.judge(peers: peers, own: own, submitted: submitted)
        if undifferentiated { flags.insert(.undifferentiated) }
        return WebPAMemberResult(
            userID: member, score: score, formattedScore: formatted,
            peerMean: criterionMeans(peers), peerRatings: peers.count,
            selfMean: own.map { Double($0.total) / Double($0.marks.count) }, flags: flags)
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

/// What one member received: `Σ F(i,j) · |P(i)|` over the raters who rated them, and their number.
private struct WeightedShare {
    var exact: WebPAFraction? = .zero
    var approximate = 0.0
    var raters = 0

    mutating func add(marks: Int, of total: Int, equalShares: Int) {
        raters += 1
        guard total > 0 else { exact = nil; return }
        let part = WebPAFraction(marks * equalShares, total)
        exact = exact.flatMap { current in part.flatMap { current.adding($0) } }
        approximate += Double(marks) * Double(equalShares) / Double(total)
    }
}

/// The flags judged from a member's ratings, on whole-number sums so a mean exactly at a threshold
/// is judged exactly: with `k` peer ratings of five marks totalling `P` and an own total `S`,
/// overconfident ⇔ S/5 − P/5k ≥ 1 ⇔ S·k − P ≥ 5k; underconfident ⇔ P − S·k ≥ 5k;
/// low ⇔ P/5k < 2.5 ⇔ 2P < 25k.
enum WebPAFlags {
    static func judge(peers: [Rating], own: Rating?, submitted: Bool) -> Set<WebPAFlag> {
        var flags: Set<WebPAFlag> = submitted ? [] : [.noSubmission]
        let k = peers.count
        guard k > 0 else { return flags }
        let peerTotal = peers.reduce(0) { $0 + $1.total }
        let marks = AssessmentCriterion.allCases.count
        if 2 * peerTotal < 5 * marks * k { flags.insert(.low) }
        if let own, own.total * k - peerTotal >= marks * k { flags.insert(.overconfident) }
        if let own, peerTotal - own.total * k >= marks * k { flags.insert(.underconfident) }
        return flags
    }
}
