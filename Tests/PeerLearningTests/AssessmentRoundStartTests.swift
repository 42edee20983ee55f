import Foundation
import Testing
import PeerLearning

private let deadline = utc("2026-12-08T09:00:00Z")
private let members = [AssessmentRoundStart.Member(userID: "@ida:hs", name: "Ida"),
                       AssessmentRoundStart.Member(userID: "@bo:hs", name: "Bo"),
                       AssessmentRoundStart.Member(userID: "@eva:hs", name: "Eva")]

private func start(_ members: [AssessmentRoundStart.Member] = members, roundOpen: Bool = false, selfAssessment: Bool = false)
    -> AssessmentRoundStart? {
    AssessmentRoundStart.decide(group: "A", members: members, roundOpen: roundOpen, selfAssessment: selfAssessment, deadline: deadline,
                                criteria: "Be on time", timeZone: copenhagen, say: Texts(.en))
}

/// What each student is told, as headings, in order.
private func told(_ decision: AssessmentRoundStart?) -> [String] {
    (decision?.effects ?? []).compactMap { effect in
        guard case .tell(let userID, let message) = effect else { return nil }
        return userID + ": " + (message.body.split(separator: "\n").first.map(String.init) ?? "")
    }
}

@Test func eachStudentGetsTheIntroductionThenTheRequestForTheirFirstPeer() throws {
    let decision = try #require(start())
    #expect(decision.effects.first == .open(raters: ["@ida:hs", "@bo:hs", "@eva:hs"],
                                            subjects: ["@ida:hs": ["@bo:hs", "@eva:hs"], "@bo:hs": ["@ida:hs", "@eva:hs"],
                                                       "@eva:hs": ["@ida:hs", "@bo:hs"]], deadline: deadline))
    #expect(told(decision) == [
        "@ida:hs: Peer assessment — group A", "@ida:hs: (1/2) Rate Bo",
        "@bo:hs: Peer assessment — group A", "@bo:hs: (1/2) Rate Ida",
        "@eva:hs: Peer assessment — group A", "@eva:hs: (1/2) Rate Ida",
    ])
    #expect(decision.effects.contains(.markRequested(rater: "@ida:hs", subject: "@bo:hs")))
    #expect(decision.effects.last == .markRequested(rater: "@eva:hs", subject: "@ida:hs"))
    guard case .tell(_, let intro) = decision.effects[1] else { Issue.record("no introduction"); return }
    #expect(intro.body.contains("your 2 peers"))
    #expect(intro.body.contains("Be on time"))
}

@Test func withSelfAssessmentEachStudentRatesThemselvesFirst() throws {
    let decision = try #require(start(selfAssessment: true))
    #expect(told(decision).contains("@bo:hs: (1/3) Rate yourself"))
    #expect(decision.effects.contains(.markRequested(rater: "@bo:hs", subject: "@bo:hs")))
}

@Test func anOpenRoundOrALoneStudentStartsNothing() {
    #expect(start(roundOpen: true) == nil)
    #expect(start([members[0]]) == nil)
}
