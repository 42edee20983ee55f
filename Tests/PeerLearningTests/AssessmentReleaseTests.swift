import Testing
import PeerLearning

private let say = Texts(.en)
private let closed = AssessmentRelease.Round(isOpen: false, released: false)
private let open = AssessmentRelease.Round(isOpen: true, released: false)
private let released = AssessmentRelease.Round(isOpen: false, released: true)

@Test func withoutANumberTheLatestClosedRoundIsReleased() {
    #expect(AssessmentRelease.chooseRound([closed, open], number: nil, group: "A", say: say) == .round(0))
    #expect(AssessmentRelease.chooseRound([closed, closed], number: 1, group: "A", say: say) == .round(0))
}

@Test func aRoundThatCannotBeReleasedSaysWhy() {
    #expect(AssessmentRelease.chooseRound([], number: nil, group: "A", say: say)
        == .refused(say.assessment.noSuchRound(group: "A", round: nil)))
    #expect(AssessmentRelease.chooseRound([closed], number: 3, group: "A", say: say)
        == .refused(say.assessment.noSuchRound(group: "A", round: 3)))
    #expect(AssessmentRelease.chooseRound([open], number: nil, group: "A", say: say)
        == .refused(say.assessment.roundStillOpen(group: "A", round: 1)))
    #expect(AssessmentRelease.chooseRound([closed, released], number: 2, group: "A", say: say)
        == .refused(say.assessment.roundAlreadyReleased(group: "A", round: 2)))
}

@Test func everyMemberIsSentTheirBandAndOnlyThoseWithEnoughCommentsGetThem() {
    let members = ["@a:hs", "@b:hs", "@c:hs"]
    var ratings: [Rating] = []
    for rater in members {
        for subject in members {
            let comment = subject == "@a:hs" && rater != subject ? "Clear handover from \(rater)" : nil
            ratings.append(Rating(rater: rater, subject: subject, marks: [4, 4, 4, 4, 4], comment: comment))
        }
    }
    let result = WebPA.scores(members: members, ratings: ratings, selfAssessment: true)
    var generator = SeededGenerator(seed: 7)
    let release = AssessmentRelease.decide(round: 1, group: "A", result: result, ratings: ratings, minimum: 2,
                                           students: Texts(.da), say: say, using: &generator)
    #expect(release.effects.count == 4)
    #expect(release.effects.last == .markReleased)
    let sentTo = release.effects.compactMap { effect -> String? in
        if case .sendToStudent(let userID, _) = effect { userID } else { nil }
    }
    #expect(sentTo == members)
    guard case .sendToStudent(_, let toAnna) = release.effects[0] else { return }
    #expect(toAnna.body.contains("Clear handover from @b:hs") && toAnna.body.contains("Clear handover from @c:hs"))
    #expect(release.reply == say.assessment.roundReleased(group: "A", round: 2, students: 3, withComments: 1))
}
