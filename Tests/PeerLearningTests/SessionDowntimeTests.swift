import Foundation
import Testing
import PeerLearning

// The sample session: goals 2 Dec 13:00Z, start 3 Dec 13:00Z, midpoint 13:45Z,
// reminder 3 Dec 12:45Z, wrap-up 14:20Z, end 14:30Z.

private func due(_ plan: SessionPlan, at now: String, run: Set<SessionMoment>) -> DueMoments {
    SessionTimeline.due(session: plan, now: utc(now), alreadyRun: run, plannedAt: utc("2026-11-20T09:00:00Z"))
}

@Test func lateGoalsRunUntilTheSessionEnds() {
    let plan = samplePlan()
    #expect(due(plan, at: "2026-12-02T12:59:59Z", run: []).isEmpty)
    #expect(due(plan, at: "2026-12-02T13:00:00Z", run: []) == DueMoments(due: [.goals]))
    #expect(due(plan, at: "2026-12-03T12:00:00Z", run: []) == DueMoments(due: [.goals]))
    #expect(due(plan, at: "2026-12-03T14:29:59Z", run: [.soon, .start, .midpoint, .wrapUp]).due == [.goals])
    #expect(due(plan, at: "2026-12-03T14:30:00Z", run: [.soon, .start, .midpoint, .wrapUp]).skipped == [.goals])
}

@Test func aLateStartRunsUntilTheEnd() {
    let plan = samplePlan()
    // The reminder before the start is never sent late.
    let backAfterMidpoint = due(plan, at: "2026-12-03T13:50:00Z", run: [.goals])
    #expect(backAfterMidpoint == DueMoments(due: [.start, .midpoint], skipped: [.soon]))
    let backAtWrapUp = due(plan, at: "2026-12-03T14:25:00Z", run: [.goals, .soon])
    #expect(backAtWrapUp == DueMoments(due: [.start, .wrapUp], skipped: [.midpoint]))
    let backAfterEnd = due(plan, at: "2026-12-03T14:31:00Z", run: [.goals])
    #expect(backAfterEnd == DueMoments(due: [.end], skipped: [.soon, .start, .midpoint, .wrapUp]))
}

@Test func aLateMidpointPassesAtWrapUpOrAtTheEnd() {
    let plan = samplePlan()
    #expect(due(plan, at: "2026-12-03T14:19:59Z", run: [.goals, .soon, .start]) == DueMoments(due: [.midpoint]))
    #expect(due(plan, at: "2026-12-03T14:20:00Z", run: [.goals, .soon, .start])
        == DueMoments(due: [.wrapUp], skipped: [.midpoint]))
    let short = samplePlan(duration: 900) // no wrap-up: the midpoint lasts until the end
    #expect(due(short, at: "2026-12-03T13:14:00Z", run: [.goals, .soon, .start]) == DueMoments(due: [.midpoint]))
    #expect(due(short, at: "2026-12-03T13:15:00Z", run: [.goals, .soon, .start])
        == DueMoments(due: [.end], skipped: [.midpoint]))
}

@Test func aLateWrapUpPassesAtTheEnd() {
    let plan = samplePlan()
    let run: Set<SessionMoment> = [.goals, .soon, .start, .midpoint]
    #expect(due(plan, at: "2026-12-03T14:29:00Z", run: run) == DueMoments(due: [.wrapUp]))
    #expect(due(plan, at: "2026-12-03T14:30:00Z", run: run) == DueMoments(due: [.end], skipped: [.wrapUp]))
}

@Test func theReflectionPromptIsNeverTooLate() {
    let plan = samplePlan()
    let weekLater = due(plan, at: "2026-12-10T14:30:00Z", run: [])
    #expect(weekLater.due == [.end])
    #expect(weekLater.skipped == [.goals, .soon, .start, .midpoint, .wrapUp])
}

@Test func momentsAlreadyRunOrSkippedAreNotReconsidered() {
    let plan = samplePlan()
    #expect(due(plan, at: "2026-12-10T14:30:00Z", run: Set(SessionMoment.allCases)).isEmpty)
    let before: Set<SessionMoment> = [.goals, .soon, .start]
    let first = due(plan, at: "2026-12-03T14:25:00Z", run: before)
    #expect(!first.isEmpty)
    let second = due(plan, at: "2026-12-03T14:26:00Z", run: before.union(first.due).union(first.skipped))
    #expect(second.isEmpty)
}

@Test func aCancelledSessionHasNothingDue() {
    let plan = samplePlan(cancelled: true)
    #expect(due(plan, at: "2026-12-03T13:50:00Z", run: []).isEmpty)
    #expect(due(plan, at: "2026-12-10T00:00:00Z", run: []).isEmpty)
}

@Test func aMovedSessionIsDueAgainUnderNewKeys() {
    var plan = samplePlan()
    let ledger = SessionMoment.allCases.map { SessionTimeline.jobKey(session: 12, moment: $0, start: plan.start) }
    plan.start = utc("2026-12-10T13:00:00Z")
    let run = Set(SessionMoment.allCases.filter {
        ledger.contains(SessionTimeline.jobKey(session: 12, moment: $0, start: plan.start))
    })
    #expect(run.isEmpty)
    let result = SessionTimeline.due(session: plan, now: utc("2026-12-09T13:00:00Z"), alreadyRun: run,
                                     plannedAt: utc("2026-12-04T08:00:00Z"))
    #expect(result == DueMoments(due: [.goals]))
}
