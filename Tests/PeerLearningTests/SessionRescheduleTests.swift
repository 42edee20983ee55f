import Foundation
import Testing
import PeerLearning

private let say = Texts(.en)
private let now = utc("2026-12-01T09:00:00Z")
private let plan = samplePlan()

@Test func aMoveStoresTheNewStartTellsTheGroupAndRewritesTheTopic() throws {
    let when = WhenSpec.absolute(year: 2026, month: 12, day: 10, hour: 14, minute: 0)
    let start = try #require(when.resolve(now: now, timeZone: copenhagen))
    let decision = SessionReschedule.move(plan, to: when, now: now, timeZone: copenhagen, group: Texts(.da), say: say)
    var moved = plan
    moved.start = start
    #expect(decision.effects == [.move(to: start), .postToGroup(Texts(.da).sessions.sessionMoved(moved, from: plan.start, timeZone: copenhagen)),
                                 .updateTopic])
    #expect(decision.reply == say.sessions.sessionMoved(moved, from: plan.start, timeZone: copenhagen))
}

@Test func aSessionThatHasBegunDoesNotMove() throws {
    let when = WhenSpec.absolute(year: 2026, month: 12, day: 10, hour: 14, minute: 0)
    let decision = SessionReschedule.move(plan, to: when, now: plan.start, timeZone: copenhagen, group: say, say: say)
    #expect(decision == SessionReschedule(effects: [], reply: say.sessions.sessionAlreadyStarted()))
}

@Test func aMoveIntoThePastIsRefusedAndNothingIsStored() throws {
    let when = WhenSpec.absolute(year: 2026, month: 11, day: 30, hour: 14, minute: 0)
    let decision = SessionReschedule.move(plan, to: when, now: now, timeZone: copenhagen, group: say, say: say)
    #expect(decision.effects.isEmpty)
    #expect(decision.reply == say.sessions.sessionInPast())
}

@Test func aCancellationTellsTheGroupWithTheSessionMarkedCancelled() {
    let decision = SessionReschedule.cancel(plan, timeZone: copenhagen, group: say, say: Texts(.da))
    var cancelled = plan
    cancelled.cancelled = true
    #expect(decision.effects == [.cancel, .postToGroup(say.sessions.sessionCancelled(cancelled, timeZone: copenhagen)), .updateTopic])
    #expect(decision.reply == Texts(.da).sessions.sessionCancelled(cancelled, timeZone: copenhagen))
}

@Test func withoutItsGroupTheChangeIsStoredButNobodyIsTold() {
    let decision = SessionReschedule.cancel(plan, timeZone: copenhagen, group: nil, say: say)
    #expect(decision == SessionReschedule(effects: [.cancel], reply: say.sessions.noSuchSession(number: plan.number)))
}
