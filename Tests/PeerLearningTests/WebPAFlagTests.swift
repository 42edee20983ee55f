import Testing
import PeerLearning

/// A group of three with self-assessment where B and C rate A with `peerMarks`, A rates themself
/// with `selfMarks`, and everyone else gives 3s.
private func resultForA(selfMarks: [Int], peerMarks: [[Int]]) -> WebPAMemberResult? {
    var ratings = [rating("A", "A", selfMarks), rating("A", "B", all(3)), rating("A", "C", all(3))]
    for (rater, marks) in zip(["B", "C"], peerMarks) {
        ratings += [rating(rater, "A", marks), rating(rater, "B", all(3)), rating(rater, "C", all(3))]
        ratings.append(rating(rater, rater, all(3)))
    }
    return WebPA.scores(members: ["A", "B", "C"], ratings: ratings, selfAssessment: true)["A"]
}

@Test func overconfidentFromExactlyOnePointAbove() {
    let peers = [[4, 4, 4, 3, 3], [3, 3, 4, 4, 4]] // 36 over 10 marks = 3.6
    // 23 over 5 = 4.6: exactly 1 above, though 4.6 − 3.6 in floating point is 0.9999999999999996.
    #expect(resultForA(selfMarks: [5, 5, 5, 4, 4], peerMarks: peers)?.flags.contains(.overconfident) == true)
    // 22 over 5 = 4.4: 0.8 above.
    #expect(resultForA(selfMarks: [5, 5, 4, 4, 4], peerMarks: peers)?.flags.contains(.overconfident) == false)
    // No peer rated A: nothing to compare with.
    #expect(resultForA(selfMarks: all(5), peerMarks: [])?.flags.contains(.overconfident) == false)
}

@Test func lowBelowTwoAndAHalf() {
    // 25 over 10 = 2.5: not low.
    #expect(resultForA(selfMarks: all(3), peerMarks: [[2, 2, 2, 3, 3], [3, 3, 3, 2, 2]])?.flags.contains(.low) == false)
    // 24 over 10 = 2.4: low.
    #expect(resultForA(selfMarks: all(3), peerMarks: [[2, 2, 2, 3, 3], [3, 3, 2, 2, 2]])?.flags.contains(.low) == true)
    #expect(resultForA(selfMarks: all(3), peerMarks: [[2, 2, 2, 3, 3], [3, 3, 2, 2, 2]])?.peerOverallMean == 2.4)
}

@Test func bandsFollowTheReportedScore() {
    #expect(WebPABand(score: 0.89) == .below)
    #expect(WebPABand(score: 0.90) == .around)
    #expect(WebPABand(score: 1.10) == .around)
    #expect(WebPABand(score: 1.11) == .above)
    #expect(WebPABand.above.description(in: .da) == "over gruppens gennemsnit")
    #expect(WebPABand.below.description(in: .en) == "below the group average")
    // 0.875 is reported as "0.88": below.
    let ratings = [rating("A", "A", all(5)), rating("A", "B", all(3)), rating("B", "A", all(1)), rating("B", "B", all(3))]
    #expect(WebPA.scores(members: ["A", "B"], ratings: ratings, selfAssessment: true)["A"]?.band == .below)
}

@Test func roundsStartAfterEveryNthSession() {
    #expect(EvaluationCadence.roundDue(endedSessions: 3, every: 3))
    #expect(EvaluationCadence.roundDue(endedSessions: 6, every: 3))
    #expect(!EvaluationCadence.roundDue(endedSessions: 4, every: 3))
    #expect(!EvaluationCadence.roundDue(endedSessions: 3, every: 0))
    #expect(!EvaluationCadence.roundDue(endedSessions: 0, every: 1))
}
