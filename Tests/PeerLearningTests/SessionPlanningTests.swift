import Foundation
import Testing
import PeerLearning

private let say = Texts(.en)
private let now = utc("2026-12-01T09:00:00Z")
private let tenth = WhenSpec.absolute(year: 2026, month: 12, day: 10, hour: 14, minute: 0)
private let ninety = DurationSpec(seconds: 5_400)!

private func plan(_ groups: [SessionPlanning.Group], when: WhenSpec = tenth, duration: DurationSpec = ninety,
                  firstNumber: Int = 8) -> SessionPlanning {
    SessionPlanning.decide(groups, when: when, duration: duration, title: "Sepsis case", firstNumber: firstNumber,
                           now: now, timeZone: copenhagen, say: say)
}

private func topics(_ decision: SessionPlanning) -> [Int64: String] {
    var topics: [Int64: String] = [:]
    for case .setTopic(let group, let topic) in decision.effects { topics[group] = topic }
    return topics
}

@Test func eachGroupGetsTheNextFreeNumberInTurnAndTheAnswerListsThem() throws {
    let decision = plan([SessionPlanning.Group(id: 1, name: "A", language: .en, next: nil),
                         SessionPlanning.Group(id: 2, name: "B", language: .da, next: nil)])
    let start = try #require(tenth.resolve(now: now, timeZone: copenhagen))
    let planned = decision.effects.compactMap { effect -> (Int, Int64)? in
        if case .plan(let plan, let group) = effect { return (plan.number, group) }
        return nil
    }
    #expect(planned.map(\.0) == [8, 9])
    #expect(planned.map(\.1) == [1, 2])
    #expect(decision.reply.body.contains("Planned 2 sessions"))
    #expect(decision.reply.body.contains("#8 · group A"))
    #expect(decision.reply.body.contains("#9 · group B"))
    #expect(decision.reply == say.sessions.sessionPlanned([
        SessionPlan(number: 8, group: "A", title: "Sepsis case", start: start, duration: 5_400),
        SessionPlan(number: 9, group: "B", title: "Sepsis case", start: start, duration: 5_400),
    ], timeZone: copenhagen))
}

@Test func eachSessionIsStoredBeforeItsGroupsTopicNamesIt() {
    let decision = plan([SessionPlanning.Group(id: 1, name: "A", language: .en, next: nil),
                         SessionPlanning.Group(id: 2, name: "B", language: .da, next: nil)])
    let kinds = decision.effects.map { effect -> String in
        switch effect {
        case .plan(_, let group): "plan \(group)"
        case .setTopic(let group, _): "topic \(group)"
        }
    }
    #expect(kinds == ["plan 1", "topic 1", "plan 2", "topic 2"])
    #expect(topics(decision)[1]?.hasPrefix("Next session: #8 Sepsis case, ") == true)
    #expect(topics(decision)[2]?.hasPrefix("Næste session: #9 Sepsis case, ") == true)
}

@Test func aTopicKeepsNamingAnEarlierSessionAndMovesToAnEarlierNewOne() throws {
    let earlier = samplePlan(number: 3, start: utc("2026-12-03T13:00:00Z"))
    let later = samplePlan(number: 4, start: utc("2026-12-20T13:00:00Z"))
    let decision = plan([SessionPlanning.Group(id: 1, name: "A", language: .en, next: earlier),
                         SessionPlanning.Group(id: 2, name: "B", language: .en, next: later)])
    #expect(topics(decision)[1] == SessionPlanning.topic(next: earlier, timeZone: copenhagen, language: .en))
    #expect(topics(decision)[1]?.contains("#3 Sepsis case") == true)
    #expect(topics(decision)[2]?.contains("#9 Sepsis case") == true)
}

@Test func onTheSameStartTheTopicNamesTheSessionPlannedFirst() throws {
    let start = try #require(tenth.resolve(now: now, timeZone: copenhagen))
    let same = samplePlan(number: 5, start: start)
    let decision = plan([SessionPlanning.Group(id: 1, name: "A", language: .en, next: same)])
    #expect(topics(decision)[1]?.contains("#5 ") == true)
}

@Test func aTopicWithoutSessionSaysNoneIsPlanned() {
    #expect(SessionPlanning.topic(next: nil, timeZone: copenhagen, language: .en) == "Next session: none planned yet")
    #expect(SessionPlanning.topic(next: nil, timeZone: copenhagen, language: .da) == "Næste session: ingen planlagt endnu")
}

@Test func aPastStartPlansNothing() {
    let decision = plan([SessionPlanning.Group(id: 1, name: "A", language: .en, next: nil)],
                        when: .absolute(year: 2026, month: 11, day: 30, hour: 14, minute: 0))
    #expect(decision == SessionPlanning(effects: [], reply: say.sessions.sessionInPast()))
}

@Test func aSessionLongerThanADayPlansNothing() {
    let decision = plan([SessionPlanning.Group(id: 1, name: "A", language: .en, next: nil)],
                        duration: DurationSpec(seconds: 25 * 3_600)!)
    #expect(decision.effects.isEmpty)
    #expect(decision.reply == say.sessions.sessionTooLong(hours: SessionBounds.longestHours))
}

@Test func withoutGroupsTheAnswerSaysThereAreNone() {
    let decision = plan([])
    #expect(decision.effects.isEmpty)
    #expect(decision.reply.body.contains("There are no groups yet"))
}
