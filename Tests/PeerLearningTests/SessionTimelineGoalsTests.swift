import Foundation
import Testing
import PeerLearning

/// When the goals message goes out: at the lead time, or, for a session planned closer than
/// that, two minutes after its first goal and at the latest at the start.
@Suite("Goals message timing")
struct SessionTimelineGoalsTests {
    let plan = samplePlan() // starts 2026-12-03 13:00 UTC
    let lead = 86_400

    private func goalsAt(plannedAt: Date, firstContentAt: Date? = nil) -> Date? {
        SessionTimeline.moments(for: plan, goalLeadTime: lead, plannedAt: plannedAt, firstContentAt: firstContentAt)
            .first { $0.moment == .goals }?.at
    }

    @Test func plannedFarAheadGetsItsGoalsAtTheLeadTimeWhateverIsAdded() {
        let plannedAt = utc("2026-11-20T09:00:00Z")
        #expect(goalsAt(plannedAt: plannedAt) == utc("2026-12-02T13:00:00Z"))
        #expect(goalsAt(plannedAt: plannedAt, firstContentAt: utc("2026-12-02T12:59:00Z")) == utc("2026-12-02T13:00:00Z"))
    }

    @Test func plannedWithinTheLeadTimeWithNoGoalsWaitsForTheStart() {
        let plannedAt = utc("2026-12-03T11:00:00Z") // two hours before the start
        #expect(goalsAt(plannedAt: plannedAt) == plan.start)
        let due = SessionTimeline.due(session: plan, now: plannedAt.addingTimeInterval(600), alreadyRun: [],
                                      goalLeadTime: lead, plannedAt: plannedAt)
        #expect(due.isEmpty, "an empty goals message went out before anything was added")
    }

    @Test func theFirstGoalMakesItDueTwoMinutesLater() {
        let plannedAt = utc("2026-12-03T11:00:00Z")
        let firstGoal = utc("2026-12-03T11:30:00Z")
        #expect(goalsAt(plannedAt: plannedAt, firstContentAt: firstGoal) == utc("2026-12-03T11:32:00Z"))
        let due = { (now: String) in
            SessionTimeline.due(session: self.plan, now: utc(now), alreadyRun: [], goalLeadTime: self.lead,
                                plannedAt: plannedAt, firstContentAt: firstGoal)
        }
        #expect(due("2026-12-03T11:31:59Z").isEmpty, "goals added within two minutes would not arrive together")
        #expect(due("2026-12-03T11:32:00Z") == DueMoments(due: [.goals]))
    }

    @Test func aGoalAddedJustBeforeTheStartStillComesAtTheStart() {
        let plannedAt = utc("2026-12-03T12:50:00Z")
        let firstGoal = utc("2026-12-03T12:59:00Z")
        #expect(goalsAt(plannedAt: plannedAt, firstContentAt: firstGoal) == plan.start)
        let due = SessionTimeline.due(session: plan, now: plan.start, alreadyRun: [], goalLeadTime: lead,
                                      plannedAt: plannedAt, firstContentAt: firstGoal)
        #expect(due == DueMoments(due: [.goals, .start]), "the goals must come before the start message")
    }

    @Test func aShorterLeadTimeStillDecidesWhatCountsAsFarAhead() {
        let plannedAt = utc("2026-12-03T11:00:00Z")
        let at = SessionTimeline.goalsTime(plan, goalLeadTime: 3_600, plannedAt: plannedAt)
        #expect(at == utc("2026-12-03T12:00:00Z"))
    }
}
