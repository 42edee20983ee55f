import Foundation
import Testing
import PeerLearning

/// A 90-minute session on Thursday 3 December 2026, 14:00 in Copenhagen.
func samplePlan(
    number: Int = 12, start: Date = utc("2026-12-03T13:00:00Z"), duration: Int = 5_400, cancelled: Bool = false
) -> SessionPlan {
    SessionPlan(number: number, group: "A", title: "Sepsis case", start: start, duration: duration,
                goals: ["Recognise early signs of sepsis"], outcomes: ["A shared ABCDE checklist"],
                activity: .case, activityBrief: "Mr Jensen, 78, feverish after surgery", cancelled: cancelled)
}

private func times(_ plan: SessionPlan, lead: Int = 86_400, wrapUp: Int = 600, plannedAt: Date? = nil)
    -> [SessionMoment: Date] {
    let list = SessionTimeline.moments(for: plan, goalLeadTime: lead, wrapUpBeforeEnd: wrapUp, plannedAt: plannedAt)
    return Dictionary(uniqueKeysWithValues: list.map { ($0.moment, $0.at) })
}

@Test func momentsFollowTheLeadTimeAndTheSessionLength() {
    let plan = samplePlan()
    let list = SessionTimeline.moments(for: plan, goalLeadTime: 86_400, wrapUpBeforeEnd: 600,
                                       plannedAt: utc("2026-11-20T09:00:00Z"))
    #expect(list.map(\.moment) == [.goals, .soon, .start, .midpoint, .wrapUp, .end])
    #expect(list.map(\.at) == [
        utc("2026-12-02T13:00:00Z"), utc("2026-12-03T12:45:00Z"), utc("2026-12-03T13:00:00Z"), utc("2026-12-03T13:45:00Z"),
        utc("2026-12-03T14:20:00Z"), utc("2026-12-03T14:30:00Z"),
    ])
}

@Test func wrapUpIsLeftOutWhenItWouldNotComeAfterTheMidpoint() {
    let start = utc("2026-12-03T13:00:00Z")
    #expect(times(samplePlan(start: start, duration: 900))[.wrapUp] == nil)   // 15 min: wrap-up before the midpoint
    #expect(times(samplePlan(start: start, duration: 1_200))[.wrapUp] == nil) // 20 min: wrap-up at the midpoint
    #expect(times(samplePlan(start: start, duration: 1_260))[.wrapUp] == utc("2026-12-03T13:11:00Z"))
    #expect(times(samplePlan(), wrapUp: 0)[.wrapUp] == nil)
}

@Test func aSessionOfSecondsHasItsMomentsSecondsApart() {
    let now = utc("2026-12-03T13:00:00Z")
    let plan = samplePlan(start: now.addingTimeInterval(20), duration: 60)
    let list = SessionTimeline.moments(for: plan, plannedAt: now)
    #expect(list.map(\.moment) == [.goals, .start, .midpoint, .end])
    // Planned inside the lead time with no goals: the goals message comes with the start.
    #expect(list.map { $0.at.timeIntervalSince(now) } == [20, 20, 50, 80])
    let due = { (second: Double, run: Set<SessionMoment>) in
        SessionTimeline.due(session: plan, now: now.addingTimeInterval(second), alreadyRun: run, plannedAt: now)
    }
    #expect(due(0, []).isEmpty)
    #expect(due(19, []).isEmpty)
    #expect(due(20, []) == DueMoments(due: [.goals, .start]))
    #expect(due(50, [.goals, .start]) == DueMoments(due: [.midpoint]))
    #expect(due(80, [.goals, .start, .midpoint]) == DueMoments(due: [.end]))
}

@Test func nextDateIsTheEarliestMomentNotYetRun() {
    let plan = samplePlan()
    #expect(SessionTimeline.nextDate(session: plan, alreadyRun: []) == utc("2026-12-02T13:00:00Z"))
    #expect(SessionTimeline.nextDate(session: plan, alreadyRun: [.goals]) == utc("2026-12-03T12:45:00Z"))
    #expect(SessionTimeline.nextDate(session: plan, alreadyRun: [.goals, .soon, .start]) == plan.midpoint)
    #expect(SessionTimeline.nextDate(session: plan, alreadyRun: Set(SessionMoment.allCases)) == nil)
    #expect(SessionTimeline.nextDate(session: samplePlan(cancelled: true), alreadyRun: []) == nil)
}

@Test func jobKeysChangeWhenTheSessionMoves() {
    let start = utc("2026-12-03T13:00:00Z")
    let key = SessionTimeline.jobKey(session: 12, moment: .goals, start: start)
    #expect(key == SessionTimeline.jobKey(session: 12, moment: .goals, start: start))
    #expect(key != SessionTimeline.jobKey(session: 12, moment: .goals, start: start.addingTimeInterval(3_600)))
    #expect(key != SessionTimeline.jobKey(session: 12, moment: .start, start: start))
    #expect(key != SessionTimeline.jobKey(session: 13, moment: .goals, start: start))
    let all = SessionMoment.allCases.map { SessionTimeline.jobKey(session: 12, moment: $0, start: start) }
    #expect(Set(all).count == SessionMoment.allCases.count)
}

@Test func momentsStoreUnderTheirSpecNames() throws {
    #expect(SessionMoment.wrapUp.rawValue == "wrap_up")
    let plan = samplePlan()
    let decoded = try JSONDecoder().decode(SessionPlan.self, from: JSONEncoder().encode(plan))
    #expect(decoded == plan)
    #expect(plan.wrapUp(before: 600) == utc("2026-12-03T14:20:00Z"))
}

@Test func theReminderComesAQuarterOfAnHourBeforeUnlessTheSessionWasJustPlanned() {
    let plan = samplePlan()
    #expect(times(plan, plannedAt: utc("2026-12-03T12:44:59Z"))[.soon] == utc("2026-12-03T12:45:00Z"))
    #expect(times(plan, plannedAt: utc("2026-12-03T12:45:00Z"))[.soon] == utc("2026-12-03T12:45:00Z"))
    // Planned (or moved) ten minutes before the start: everyone was just told, no reminder.
    #expect(times(plan, plannedAt: utc("2026-12-03T12:50:00Z"))[.soon] == nil)
    // Back from downtime after the start: the reminder is skipped, never sent late.
    let late = SessionTimeline.due(session: plan, now: utc("2026-12-03T13:01:00Z"), alreadyRun: [.goals],
                                   plannedAt: utc("2026-11-20T09:00:00Z"))
    #expect(late.skipped.contains(.soon) && !late.due.contains(.soon) && late.due.contains(.start))
    let early = SessionTimeline.due(session: plan, now: utc("2026-12-03T12:55:00Z"), alreadyRun: [.goals],
                                    plannedAt: utc("2026-11-20T09:00:00Z"))
    #expect(early.due == [.soon])
}

@Test(arguments: [(Language.da, 15, "begynder om 15 minutter"), (Language.en, 15, "starts in 15 minutes"),
                  (Language.da, 1, "begynder om et øjeblik"), (Language.en, 0, "starts in a moment")])
func theReminderSaysHowLongIsLeft(language: Language, minutes: Int, expected: String) {
    let message = Texts(language).sessions.sessionSoon(samplePlan(), minutes: minutes, facilitatorName: "Anna Hansen")
    #expect(message.kind == .reminder && message.kind.asksToAct)
    #expect(message.body.contains(expected) && message.body.contains("#12 Sepsis case") && message.body.contains("Anna Hansen"))
    let early = Texts(language).sessions.sessionSoon(samplePlan(), minutes: minutes, facilitatorName: nil, goalsPosted: false)
    #expect(!early.body.contains(language == .da ? "målene" : "goals"), "no pointer to a goals message that is not there yet")
}
