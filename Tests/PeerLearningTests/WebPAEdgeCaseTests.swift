import Testing
import PeerLearning

@Test func nobodySubmittedGivesNoScoresAndFlagsEveryone() {
    let partial = [rating("A", "B", all(4))] // A left out C, so not even A submitted
    for ratings in [[], partial] {
        let result = WebPA.scores(members: ["A", "B", "C"], ratings: ratings, selfAssessment: false)
        #expect(result.submitted == 0)
        #expect(result.members.allSatisfy { $0.score == nil && $0.formattedScore == nil && $0.band == nil })
        #expect(result.members.allSatisfy { $0.flags.contains(.noSubmission) })
        #expect(result.scoreStrings.isEmpty)
    }
}

@Test func aRaterWhoGaveOnlyZerosIsLeftOut() throws {
    let ratings = [
        rating("A", "B", all(4)), rating("A", "C", all(4)),        // T(A) = 40
        rating("B", "A", all(3)), rating("B", "C", all(5)),        // T(B) = 15 + 25 = 40
        rating("C", "A", all(0)), rating("C", "B", all(0)),        // left out
    ]
    let result = WebPA.scores(members: ["A", "B", "C"], ratings: ratings, selfAssessment: false)
    #expect(result.submitters == ["A", "B"])
    // |P| = 2 for each rater. A is rated by B alone: 15/40 · 2 = 3/4. B by A alone: 20/40 · 2 = 1.
    // C by both: (20/40 · 2 + 25/40 · 2) / 2 = 9/8 = 1.125. (Classic WebPA: 0.56, 0.75, 1.69.)
    #expect(result.members.map(\.score) == [3.0 / 4.0, 1.0, 9.0 / 8.0])
    #expect(result.members.map(\.formattedScore) == ["0.75", "1.00", "1.13"])
    let c = try #require(result["C"])
    #expect(c.flags == [.noSubmission])
    // The zeros are no rating: A's peers' mean comes from B alone.
    #expect(result["A"]?.peerRatings == 1 && result["A"]?.peerMean == all(3).map(Double.init))
}

@Test func aGroupOfTwo() {
    let both = [rating("A", "B", all(2)), rating("B", "A", [5, 4, 5, 4, 5])]
    let even = WebPA.scores(members: ["A", "B"], ratings: both, selfAssessment: false)
    // Each rater's whole share goes to the one peer: R = 1 for both, whatever the marks.
    #expect(even.members.map(\.formattedScore) == ["1.00", "1.00"])
    #expect(even["B"]?.flags == [.low])

    let oneSided = WebPA.scores(members: ["A", "B"], ratings: [both[0]], selfAssessment: false)
    // B is rated by A alone: 10/10 · 1 = 1. Nobody rated A: no score. (Classic WebPA: 0.00 and 2.00.)
    #expect(oneSided.members.map(\.formattedScore) == [nil, "1.00"])
    #expect(oneSided["B"]?.flags == [.low, .noSubmission] && oneSided["A"]?.flags.isEmpty == true)
}

@Test func selfRatingsCountOnlyWithSelfAssessment() {
    let ratings = [
        rating("A", "A", all(5)), rating("A", "B", all(3)), rating("A", "C", all(3)),
        rating("B", "A", all(3)), rating("B", "B", all(3)), rating("B", "C", all(3)),
        rating("C", "A", all(3)), rating("C", "B", all(3)), rating("C", "C", all(3)),
    ]
    let without = WebPA.scores(members: ["A", "B", "C"], ratings: ratings, selfAssessment: false)
    // Without self-assessment every rater splits evenly between two equally rated peers: all 1.
    #expect(without.members.map(\.formattedScore) == ["1.00", "1.00", "1.00"])
    #expect(without.members.allSatisfy { $0.selfMean == nil && !$0.flags.contains(.overconfident) })

    let with = WebPA.scores(members: ["A", "B", "C"], ratings: ratings, selfAssessment: true)
    // T(A) = 25 + 15 + 15 = 55, T(B) = T(C) = 45.
    // R(A) = 25/55 + 15/45 + 15/45 = 5/11 + 2/3 = 37/33 = 1.1212…
    // R(B) = R(C) = 15/55 + 15/45 + 15/45 = 3/11 + 2/3 = 31/33 = 0.9393…
    #expect(with.members.map(\.score) == [37.0 / 33.0, 31.0 / 33.0, 31.0 / 33.0])
    // A gave both peers the same 3s: undifferentiated as a rater, beside overconfident.
    #expect(with["A"]?.selfMean == 5 && with["A"]?.flags == [.overconfident, .undifferentiated])
    // Without their own self-rating a member has not submitted when self-assessment is on.
    let missingSelf = ratings.filter { !($0.rater == "C" && $0.subject == "C") }
    #expect(WebPA.scores(members: ["A", "B", "C"], ratings: missingSelf, selfAssessment: true).submitters == ["A", "B"])
}

@Test func scoresAverageOneWhenEveryoneSubmits() {
    for size in 2...7 {
        let members = (0..<size).map { "@s\($0):hs" }
        for selfAssessment in [false, true] {
            var ratings: [Rating] = []
            for (i, rater) in members.enumerated() {
                for (j, subject) in members.enumerated() where selfAssessment || i != j {
                    ratings.append(rating(rater, subject, (0..<5).map { q in (i * 7 + j * 3 + q * (i + 1)) % 5 + 1 }))
                }
            }
            let result = WebPA.scores(members: members, ratings: ratings, selfAssessment: selfAssessment)
            #expect(result.submitted == size)
            let mean = result.members.compactMap(\.score).reduce(0, +) / Double(size)
            #expect(abs(mean - 1) < 1e-12, "size \(size), self-assessment \(selfAssessment)")
        }
    }
}

@Test func strayAndRepeatedRatingsAreHandled() {
    let ratings = [
        rating("A", "B", all(1)), rating("A", "B", all(4)),        // the later one counts
        rating("B", "A", all(4)), rating("@outsider:hs", "A", all(1)), rating("B", "@outsider:hs", all(1)),
    ]
    let result = WebPA.scores(members: ["A", "B", "A"], ratings: ratings, selfAssessment: false)
    #expect(result.groupSize == 2 && result.members.map(\.userID) == ["A", "B"])
    #expect(result["B"]?.peerMean == all(4).map(Double.init) && result["A"]?.peerRatings == 1)
    #expect(WebPA.subjects(for: "A", members: ["A", "B", "C"], selfAssessment: true) == ["A", "B", "C"])
    #expect(WebPA.subjects(for: "A", members: ["A", "B", "C"], selfAssessment: false) == ["B", "C"])
}
