import Testing
import PeerLearning

// Hand-computed examples of w(j) = R(j) · n / s with R(j) = Σ(i submitted) m(i,j) / T(i),
// where m(i,j) is the sum of i's five marks for j and T(i) the sum of all i's marks.

@Test func aGroupOfThreeWithoutSelfAssessment() throws {
    let ratings = [
        rating("A", "B", all(4)), rating("A", "C", all(2)),        // T(A) = 20 + 10 = 30
        rating("B", "A", all(5)), rating("B", "C", all(3)),        // T(B) = 25 + 15 = 40
        rating("C", "A", [3, 4, 3, 4, 3]), rating("C", "B", all(3)), // T(C) = 17 + 15 = 32
    ]
    let result = WebPA.scores(members: ["A", "B", "C"], ratings: ratings, selfAssessment: false)
    #expect(result.groupSize == 3 && result.submitted == 3)
    // n = s = 3, so w = R.
    // R(A) = 25/40 + 17/32 = 20/32 + 17/32 = 37/32 = 1.15625
    // R(B) = 20/30 + 15/32 = 64/96 + 45/96 = 109/96 = 1.1354…
    // R(C) = 10/30 + 15/40 = 8/24 + 9/24 = 17/24 = 0.7083…
    // Check: 111/96 + 109/96 + 68/96 = 288/96 = 3 = n.
    let a = try #require(result["A"]), b = try #require(result["B"]), c = try #require(result["C"])
    #expect(a.score == 37.0 / 32.0 && a.formattedScore == "1.16")
    #expect(b.score == 109.0 / 96.0 && b.formattedScore == "1.14")
    #expect(c.score == 17.0 / 24.0 && c.formattedScore == "0.71")
    // A's peers: B gave 5 5 5 5 5, C gave 3 4 3 4 3.
    #expect(a.peerMean == [4, 4.5, 4, 4.5, 4] && a.peerRatings == 2)
    #expect(a.selfMean == nil && a.flags.isEmpty)
    // C's peers' mean is (10 + 15) / 10 marks = 2.5 exactly: not below 2.5, so not low.
    #expect(c.peerOverallMean == 2.5 && !c.flags.contains(.low))
    #expect(result.scoreStrings == ["A": "1.16", "B": "1.14", "C": "0.71"])
}

@Test func aGroupOfFourWithSelfAssessmentAndOnePartialSubmission() throws {
    let ratings = [
        rating("A", "A", all(4)), rating("A", "B", all(3)), rating("A", "C", all(5)), rating("A", "D", all(2)),
        // T(A) = 20 + 15 + 25 + 10 = 70
        rating("B", "A", all(4)), rating("B", "B", all(5)), rating("B", "C", all(4)), rating("B", "D", all(3)),
        // T(B) = 20 + 25 + 20 + 15 = 80
        rating("C", "A", all(3)), rating("C", "B", all(3)), rating("C", "C", all(4)), rating("C", "D", all(2)),
        // T(C) = 15 + 15 + 20 + 10 = 60
        rating("D", "A", all(5)), rating("D", "B", all(5)), rating("D", "D", all(5)),
        // D did not rate C: a partial submission, so D has not submitted.
    ]
    let result = WebPA.scores(members: ["A", "B", "C", "D"], ratings: ratings, selfAssessment: true)
    #expect(result.groupSize == 4 && result.submitters == ["A", "B", "C"])
    // n = 4, s = 3, so w = R · 4/3.
    // R(A) = 20/70 + 20/80 + 15/60 = 2/7 + 1/4 + 1/4 = 11/14     → w = 44/42 = 22/21 = 1.0476…
    // R(B) = 15/70 + 25/80 + 15/60 = 3/14 + 5/16 + 1/4 = 87/112  → w = 29/28 = 1.0357…
    // R(C) = 25/70 + 20/80 + 20/60 = 5/14 + 1/4 + 1/3 = 79/84    → w = 79/63 = 1.2539…
    // R(D) = 10/70 + 15/80 + 10/60 = 1/7 + 3/16 + 1/6 = 167/336  → w = 167/252 = 0.6626…
    // Check: 264/336 + 261/336 + 316/336 + 167/336 = 1008/336 = 3 = s.
    let scores = result.members.map(\.score)
    #expect(scores == [22.0 / 21.0, 29.0 / 28.0, 79.0 / 63.0, 167.0 / 252.0])
    #expect(result.members.map(\.formattedScore) == ["1.05", "1.04", "1.25", "0.66"])
    let b = try #require(result["B"]), d = try #require(result["D"])
    // B rates self 5; peers A 3, C 3, D 5 → (15 + 15 + 25) / 15 = 3.67; 5 − 3.67 ≥ 1.
    #expect(b.selfMean == 5 && b.flags == [.overconfident])
    // D rates self 5; peers A 2, B 3, C 2 → 35/15 = 2.33: low and overconfident, and no submission.
    #expect(d.flags == [.overconfident, .low, .noSubmission])
    // D's complete ratings still count in the peers' means: A got 4 (B), 3 (C), 5 (D).
    #expect(result["A"]?.peerMean == all(4).map(Double.init) && result["A"]?.peerRatings == 3)
}

@Test func aScoreExactlyHalfwayRoundsAwayFromZero() throws {
    let ratings = [
        rating("A", "A", all(5)), rating("A", "B", all(3)), // T(A) = 25 + 15 = 40
        rating("B", "A", all(1)), rating("B", "B", all(3)), // T(B) = 5 + 15 = 20
    ]
    let result = WebPA.scores(members: ["A", "B"], ratings: ratings, selfAssessment: true)
    // R(A) = 25/40 + 5/20 = 5/8 + 2/8 = 7/8 = 0.875; R(B) = 15/40 + 15/20 = 3/8 + 6/8 = 9/8 = 1.125.
    #expect(result["A"]?.score == 0.875 && result["A"]?.formattedScore == "0.88")
    #expect(result["B"]?.score == 1.125 && result["B"]?.formattedScore == "1.13")
}

@Test func aGroupOfSixWithOneStandoutMember() throws {
    let members = ["A", "B", "C", "D", "E", "F"]
    var ratings: [Rating] = []
    for rater in members {
        for subject in members where subject != rater {
            ratings.append(rating(rater, subject, subject == "E" ? all(5) : all(3)))
        }
    }
    let result = WebPA.scores(members: members, ratings: ratings, selfAssessment: false)
    // Each rater other than E: T = 25 (for E) + 4 · 15 = 85. E: T = 5 · 15 = 75.
    // R(E) = 5 · 25/85 = 25/17 = 1.4705…
    // R(other) = 15/75 (from E) + 4 · 15/85 = 1/5 + 12/17 = 77/85 = 0.9058…
    // Check: 25/17 + 5 · 77/85 = 125/85 + 385/85 = 510/85 = 6.
    #expect(result["E"]?.score == 25.0 / 17.0 && result["E"]?.formattedScore == "1.47")
    for member in members where member != "E" {
        #expect(result[member]?.score == 77.0 / 85.0 && result[member]?.formattedScore == "0.91")
    }
    #expect(result["E"]?.band == .above && result["A"]?.band == .around)
}
