import Testing
import PeerLearning

// The fair score w(j) = (1/|A(j)|) · Σ(i∈A(j)) F(i,j) · |P(i)| against classic WebPA, and what a
// student's silence does to it.

/// Marks that differ per rater, subject and criterion, 1–5.
private func variedMarks(_ members: [String], selfAssessment: Bool, pattern: Int) -> [String: [String: [Int]]] {
    var marks: [String: [String: [Int]]] = [:]
    for (i, rater) in members.enumerated() {
        for (j, subject) in members.enumerated() where selfAssessment || i != j {
            marks[rater, default: [:]][subject] = (0..<5).map { q in (i * 7 + j * (3 + pattern) + q * (i + pattern + 1)) % 5 + 1 }
        }
    }
    return marks
}

@Test func everyoneSubmittingEqualsClassicWebPA() {
    for size in 2...6 {
        let members = (0..<size).map { "@s\($0):hs" }
        for selfAssessment in [false, true] {
            for pattern in 0..<3 {
                let marks = variedMarks(members, selfAssessment: selfAssessment, pattern: pattern)
                let classic = classicWebPA(marks, members: members)
                let result = WebPA.scores(members: members, ratings: ratings(marks), selfAssessment: selfAssessment)
                #expect(result.submitted == size)
                for member in members {
                    let expected = classic[member]!
                    #expect(abs((result[member]?.score ?? -1) - expected.value) < 1e-12, "size \(size), self \(selfAssessment), \(member)")
                    #expect(result[member]?.formattedScore == expected.text, "size \(size), self \(selfAssessment), \(member)")
                }
            }
        }
    }
}

/// Group of four without self-assessment:
/// A → B 4s, C 3s, D 2s (T = 45); B → A 4s, C 4s, D 3s (T = 55); C → A 5s, B 3s, D 2s (T = 50);
/// D → A 3s, B 4s, C 3s (T = 50).
private let groupOfFour: [String: [String: [Int]]] = [
    "A": ["B": all(4), "C": all(3), "D": all(2)], "B": ["A": all(4), "C": all(4), "D": all(3)],
    "C": ["A": all(5), "B": all(3), "D": all(2)], "D": ["A": all(3), "B": all(4), "C": all(3)],
]

@Test func aSilentStudentIsNeitherInflatedNorDeflated() throws {
    let members = ["A", "B", "C", "D"]
    var silent = groupOfFour
    silent["D"] = nil
    let submitting = WebPA.scores(members: members, ratings: ratings(groupOfFour), selfAssessment: false)
    let quiet = WebPA.scores(members: members, ratings: ratings(silent), selfAssessment: false)
    // D received 10/45 from A, 15/55 from B, 10/50 from C; |P| = 3:
    // w(D) = (2/9 · 3 + 3/11 · 3 + 1/5 · 3) / 3 = 2/9 + 3/11 + 1/5 = 344/495 = 0.6949…, submitting or not.
    #expect(submitting["D"]?.score == 344.0 / 495.0 && quiet["D"]?.score == 344.0 / 495.0)
    #expect(submitting["D"]?.formattedScore == "0.69" && quiet["D"]?.formattedScore == "0.69")
    // D's peers' mean is 35/15 = 2.33: low, and no submission.
    #expect(quiet["D"]?.flags == [.low, .noSubmission] && quiet.submitters == ["A", "B", "C"])
    // Classic WebPA would have paid D for the silence: 344/495 · 4/3 = 1376/1485 = 0.93.
    #expect(classicWebPA(silent, members: members)["D"] == ExactScore(1376, 1485))
    // The others are now rated by two raters each: A gets 4s from B (20/55) and 5s from C (25/50):
    // w(A) = (4/11 · 3 + 1/2 · 3) / 2 = 57/44 = 1.2954…
    #expect(quiet["A"]?.score == 57.0 / 44.0 && quiet["A"]?.formattedScore == "1.30")
    // B: 20/45 from A, 15/50 from C → (4/9 + 3/10) · 3/2 = 67/60; C: 15/45, 20/55 → (1/3 + 4/11) · 3/2 = 23/22.
    #expect(quiet["B"]?.score == 67.0 / 60.0 && quiet["C"]?.score == 23.0 / 22.0)
}

@Test func twoSilentStudentsInAGroupOfFive() throws {
    let members = ["A", "B", "C", "D", "E"]
    let raters: [String: [String: [Int]]] = [
        "A": ["B": all(4), "C": all(3), "D": all(3), "E": all(2)],   // T = 60
        "B": ["A": all(5), "C": all(4), "D": all(3), "E": all(3)],   // T = 75
        "C": ["A": all(4), "B": all(4), "D": all(2), "E": all(2)],   // T = 60
    ]
    var withD = raters
    withD["D"] = ["A": all(3), "B": all(3), "C": all(3), "E": all(3)]
    let quiet = WebPA.scores(members: members, ratings: ratings(raters), selfAssessment: false)
    let dSubmits = WebPA.scores(members: members, ratings: ratings(withD), selfAssessment: false)
    // D and E are rated by A, B and C (|P| = 4): w(D) = (15/60 + 15/75 + 10/60) · 4/3 = 37/45 = 0.82;
    // w(E) = (10/60 + 15/75 + 10/60) · 4/3 = 32/45 = 0.71.
    #expect(quiet["D"]?.score == 37.0 / 45.0 && quiet["E"]?.score == 32.0 / 45.0)
    #expect(quiet["D"]?.formattedScore == "0.82" && quiet["E"]?.formattedScore == "0.71")
    // D's own ratings do not change D's score.
    #expect(dSubmits["D"]?.score == quiet["D"]?.score && dSubmits["E"]?.score != quiet["E"]?.score)
    // A: 25/75 from B, 20/60 from C → (1/3 + 1/3) · 4/2 = 4/3; C: 15/60, 20/75 → (1/4 + 4/15) · 2 = 31/30.
    #expect(quiet["A"]?.formattedScore == "1.33" && quiet["C"]?.score == 31.0 / 30.0)
    // E's peers' mean is 35/15 = 2.33: low as well.
    #expect(quiet["D"]?.flags == [.noSubmission] && quiet["E"]?.flags == [.low, .noSubmission])
}

@Test func withSelfAssessmentSilenceOnlyTakesTheOwnRatingAway() {
    // Everyone gives 3s, and everyone gives E 4s; E rates themself 4s too, like the peers do.
    for silentCount in 1...2 {
        let members = ["A", "B", "C", "D", "E"]
        var marks: [String: [String: [Int]]] = [:]
        for rater in members {
            for subject in members { marks[rater, default: [:]][subject] = subject == "E" ? all(4) : all(3) }
        }
        let quietOnes = silentCount == 1 ? ["E"] : ["E", "D"]
        var silent = marks
        for student in quietOnes { silent[student] = nil }
        let everyone = WebPA.scores(members: members, ratings: ratings(marks), selfAssessment: true)
        let quiet = WebPA.scores(members: members, ratings: ratings(silent), selfAssessment: true)
        // Every rater's T = 4 · 15 + 20 = 80, so E's share is 20/80 from each: w(E) = 1/4 · 5 = 5/4.
        #expect(everyone["E"]?.score == 1.25 && quiet["E"]?.score == 1.25, "\(silentCount) silent")
        #expect(quiet["A"]?.score == 15.0 / 80.0 * 5 && quiet["D"]?.score == 15.0 / 80.0 * 5, "\(silentCount) silent")
        #expect(quiet["E"]?.flags == [.noSubmission] && quiet.submitted == 5 - silentCount)
        // With self-assessment on, classic WebPA agrees: every rater rates every member.
        #expect(classicWebPA(silent, members: members)["E"] == ExactScore(5, 4))
    }
}

@Test func aStudentNobodyRatedHasNoScore() throws {
    // B and C are silent; only A rated, and A does not rate themself.
    let result = WebPA.scores(members: ["A", "B", "C"], ratings: [rating("A", "B", all(4)), rating("A", "C", all(2))],
                              selfAssessment: false)
    #expect(result["A"]?.score == nil && result["A"]?.formattedScore == nil && result["A"]?.band == nil)
    // B: 20/30 · 2 = 4/3; C: 10/30 · 2 = 2/3.
    #expect(result["B"]?.formattedScore == "1.33" && result["C"]?.formattedScore == "0.67")
    #expect(result.scoreStrings == ["B": "1.33", "C": "0.67"])
    let message = Texts(.en).assessment.assessmentResults(group: "A", members: [("A", "Anna"), ("B", "Bo"), ("C", "Cy")], result: result,
                                               comments: [], submitted: result.submitted)
    #expect(message.body.contains("Anna: — — peers: — / — / — / — / —"))
}
