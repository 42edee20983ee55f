import Testing
import PeerLearning

private let say = Texts(.en)

@Test func aRoundStartsOnlyInGroupsWithPeersAndNoOpenRound() {
    let groups = [EvaluationStart.Group(name: "A", roundOpen: false, members: 4),
                  EvaluationStart.Group(name: "B", roundOpen: true, members: 4),
                  EvaluationStart.Group(name: "C", roundOpen: false, members: 1)]
    let decision = EvaluationStart.decide(groups, say: say)
    #expect(decision.starts == [0])
    #expect(decision.reply == say.assessment.assessmentNothingToRate(group: "C"))
}

@Test func theAnswerIsAboutTheLastGroupAsked() {
    #expect(EvaluationStart.decide([.init(name: "A", roundOpen: false, members: 3)], say: say).reply
        == say.assessment.assessmentStarted(group: "A", students: 3))
    let running = EvaluationStart.decide([.init(name: "B", roundOpen: true, members: 3)], say: say)
    #expect(running.starts.isEmpty)
    #expect(running.reply == say.assessment.assessmentAlreadyRunning(group: "B"))
}

@Test func noGroupStartsNothing() {
    let none = EvaluationStart.decide([], say: say)
    #expect(none.starts.isEmpty)
    #expect(none.reply == say.groups.groupsOverview([]))
}
