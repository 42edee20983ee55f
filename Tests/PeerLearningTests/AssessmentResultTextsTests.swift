import Testing
import PeerLearning

private let members: [(userID: String, name: String)] = [
    ("@anna:hs", "Anna <A>"), ("@bo:hs", "Bo Berg"), ("@cy:hs", "Cy Holm"),
]

/// Anna and Bo submit with self-assessment; Cy gives nothing.
private func sampleResult() -> WebPAResult {
    let ratings = [
        rating("@anna:hs", "@anna:hs", all(5)), rating("@anna:hs", "@bo:hs", all(3)), rating("@anna:hs", "@cy:hs", all(2)),
        rating("@bo:hs", "@anna:hs", all(3)), rating("@bo:hs", "@bo:hs", all(3)), rating("@bo:hs", "@cy:hs", all(2)),
    ]
    return WebPA.scores(members: members.map(\.userID), ratings: ratings, selfAssessment: true)
}

@Test func theResultsCarryScoresAsTwoDecimalStrings() {
    let result = sampleResult()
    let message = Texts(.en).assessment.assessmentResults(group: "A", members: members, result: result, comments: [],
                                               submitted: result.submitted)
    #expect(message.kind == .assessmentResult && message.group == "A")
    // T(Anna) = 25 + 15 + 10 = 50, T(Bo) = 15 + 15 + 10 = 40; n = 3, s = 2.
    // Anna: (25/50 + 15/40) · 3/2 = 7/8 · 3/2 = 21/16 = 1.3125; Bo: (15/50 + 15/40) · 3/2 = 81/80 = 1.0125;
    // Cy: (10/50 + 10/40) · 3/2 = 27/40 = 0.675.
    #expect(message.scores == ["@anna:hs": "1.31", "@bo:hs": "1.01", "@cy:hs": "0.68"])
    #expect(message.body.contains("2 of 3 students submitted"))
    #expect(message.body.contains("Anna <A>: 1.31 — peers: 3.0 / 3.0 / 3.0 / 3.0 / 3.0 — self: 5.0 — overconfident"))
    #expect(message.body.contains("Bo Berg: 1.01 — peers: 3.0 / 3.0 / 3.0 / 3.0 / 3.0 — self: 3.0\n"))
    #expect(message.body.contains("Cy Holm: 0.68 — peers: 2.0 / 2.0 / 2.0 / 2.0 / 2.0 — self: — — low, no submission"))
    let html = message.html ?? ""
    #expect(!html.contains("<table"))
    #expect(html.contains("<p><strong>Anna &lt;A&gt;</strong><br>WebPA score 1.31<br>Peers&#39; mean: contributing 3.0 · interacting 3.0 · on track 3.0 · quality 3.0 · knowledge 3.0<br>Self-rating: 5.0<br>Flags: overconfident</p>"))
    #expect(!html.contains("Anna <A>"))
}

@Test func danishResultsWriteDecimalsWithACommaAndExplainTheJargonOnce() {
    let result = sampleResult()
    let message = Texts(.da).assessment.assessmentResults(group: "A", members: members, result: result, comments: [],
                                               submitted: result.submitted)
    #expect(message.scores == ["@anna:hs": "1.31", "@bo:hs": "1.01", "@cy:hs": "0.68"], "the machine-readable scores keep the point")
    #expect(message.body.contains("Anna <A>: 1,31 – de andre: 3,0 / 3,0 / 3,0 / 3,0 / 3,0 – selv: 5,0 – overvurderer sig selv"))
    #expect(message.body.contains("Cy Holm: 0,68"))
    let html = message.html ?? ""
    #expect(html.contains("WebPA-score 1,31") && html.contains("Egen vurdering: 5,0"))
    #expect(!html.contains("1.31") && !html.contains("3.0") && !html.contains("2.5"))
    // Each term is explained once, before it is first used.
    let explained = html.range(of: "WebPA-score: den studerendes andel")!.lowerBound
    #expect(explained < html.range(of: "WebPA-score 1,31")!.lowerBound)
    #expect(html.components(separatedBy: "WebPA-score:").count == 2)
    let flags = html.range(of: "Markeringer – det, I bør se nærmere på")!.lowerBound
    #expect(flags < html.range(of: "Markeringer: overvurderer sig selv")!.lowerBound)
    #expect(html.contains("under 2,5"))
}

@Test func commentsAreNamedForTheSupervisorsAndEscaped() {
    let result = sampleResult()
    let comments = [(rater: "Bo Berg", subject: "Anna <A>", text: "Great <lead> & notes")]
    let message = Texts(.da).assessment.assessmentResults(group: "A", members: members, result: result, comments: comments,
                                               submitted: 2)
    #expect(message.body.contains("Kommentarer (kun til vejlederne)"))
    #expect(message.body.contains("Bo Berg → Anna <A>:\n> Great <lead> & notes"))
    let html = message.html ?? ""
    #expect(html.contains("Bo Berg → Anna &lt;A&gt;") && html.contains("Great &lt;lead&gt; &amp; notes"))
    #expect(html.contains("<strong>Anna &lt;A&gt;</strong>") && message.body.contains("har ikke afleveret"))
}

@Test func withoutSubmissionsThereAreNoScores() {
    let result = WebPA.scores(members: members.map(\.userID), ratings: [], selfAssessment: false)
    let message = Texts(.en).assessment.assessmentResults(group: "B", members: members, result: result, comments: [],
                                               submitted: 0)
    #expect(message.scores == [:])
    #expect(message.body.contains("None of the 3 students submitted"))
    #expect(message.body.contains("Bo Berg: — — peers: — / — / — / — / — — no submission"))
    #expect(!(message.html ?? "").contains("Self-rating") && message.body.contains("No comments."))
}
