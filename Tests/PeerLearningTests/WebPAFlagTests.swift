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

@Test func underconfidentFromExactlyOnePointBelow() {
    let peers = [[4, 4, 4, 3, 3], [3, 3, 4, 4, 4]] // 36 over 10 marks = 3.6
    // 13 over 5 = 2.6: exactly 1 below.
    #expect(resultForA(selfMarks: [3, 3, 3, 2, 2], peerMarks: peers)?.flags.contains(.underconfident) == true)
    // 14 over 5 = 2.8: 0.8 below.
    #expect(resultForA(selfMarks: [3, 3, 3, 3, 2], peerMarks: peers)?.flags.contains(.underconfident) == false)
    #expect(resultForA(selfMarks: [3, 3, 3, 3, 2], peerMarks: peers)?.flags.contains(.overconfident) == false)
    #expect(resultForA(selfMarks: all(1), peerMarks: [])?.flags.contains(.underconfident) == false)
}

@Test func undifferentiatedFlagsTheRaterWhoGaveEveryPeerTheSameMarks() {
    let members = ["A", "B", "C", "D"]
    func flags(ofA given: [[Int]], selfMarks: [Int]? = nil) -> Set<WebPAFlag> {
        var ratings = zip(["B", "C", "D"], given).map { rating("A", $0.0, $0.1) }
        if let selfMarks { ratings.append(rating("A", "A", selfMarks)) }
        for rater in ["B", "C", "D"] {
            ratings += members.filter { $0 != rater }.enumerated().map { rating(rater, $0.element, all($0.offset + 2)) }
            ratings.append(rating(rater, rater, all(3)))
        }
        let selfAssessment = selfMarks != nil
        return WebPA.scores(members: members, ratings: ratings, selfAssessment: selfAssessment)["A"]?.flags ?? []
    }
    // The same five marks, not all equal, for all three peers: flagged.
    #expect(flags(ofA: Array(repeating: [4, 5, 3, 4, 5], count: 3)).contains(.undifferentiated))
    // One mark differs for one peer: not flagged.
    #expect(!flags(ofA: [[4, 5, 3, 4, 5], [4, 5, 3, 4, 5], [4, 5, 3, 4, 4]]).contains(.undifferentiated))
    // A self-rating that differs does not matter: the flag is about the peers.
    #expect(flags(ofA: Array(repeating: all(3), count: 3), selfMarks: all(5)).contains(.undifferentiated))
    // A rater who did not submit (one peer left out) is not judged.
    let partial = flags(ofA: Array(repeating: all(3), count: 2))
    #expect(partial.contains(.noSubmission) && !partial.contains(.undifferentiated))
    // With a single peer there is nothing to differentiate.
    let pair = WebPA.scores(members: ["A", "B"], ratings: [rating("A", "B", all(3)), rating("B", "A", all(3))], selfAssessment: false)
    #expect(pair.members.allSatisfy { !$0.flags.contains(.undifferentiated) })
}

@Test func everyFlagIsExplainedInOneLineInTheResult() {
    let ratings = [
        rating("A", "A", all(5)), rating("A", "B", all(2)), rating("A", "C", all(2)),
        rating("B", "A", all(2)), rating("B", "B", all(1)), rating("B", "C", all(4)),
    ]
    let result = WebPA.scores(members: ["A", "B", "C"], ratings: ratings, selfAssessment: true)
    // A: overconfident (5 vs 2), undifferentiated (2s for both peers), low (2); B: underconfident (1 vs 2), low;
    // C: no submission.
    #expect(result["A"]?.flags == [.overconfident, .undifferentiated, .low])
    #expect(result["B"]?.flags == [.underconfident, .low] && result["C"]?.flags == [.noSubmission])
    let message = Texts(.en).assessment.assessmentResults(group: "A", members: [("A", "Anna"), ("B", "Bo"), ("C", "Cy")], result: result,
                                               comments: [], submitted: 2)
    #expect(message.body.contains("Flags – what to look into (for supervisors only):"))
    for line in ["Overconfident: rates themselves at least 1 point above", "Underconfident: rates themselves at least 1 point below",
                 "Low: the peers' mean mark", "No submission: did not rate everyone", "Undifferentiated: gave every peer the same marks"] {
        #expect(message.body.contains("• " + line), "missing: \(line)")
    }
    #expect(message.body.contains("Anna: ") && message.body.contains("overconfident, low, undifferentiated"))
    let da = Texts(.da).assessment.assessmentResults(group: "A", members: [("A", "Anna")], result: result, comments: [], submitted: 2)
    #expect(da.body.contains("• Udifferentieret: gav alle de andre de samme karakterer"))
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
