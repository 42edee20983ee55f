import Foundation
import Testing
import PeerLearning

private let started = utc("2026-12-01T09:00:00Z")
private let deadline = utc("2026-12-03T09:00:00Z")

private func round(reminded: Bool = false, remaining: [String: Int] = ["@ida:hs": 2, "@bo:hs": 1, "@eva:hs": 0],
                   extensions: [String: AssessmentReminders.Extension] = [:]) -> AssessmentReminders.Round {
    AssessmentReminders.Round(group: "A", startedAt: started, deadline: deadline, reminded: reminded, remaining: remaining, extensions: extensions)
}

/// Who is told what, as "user: first line".
private func told(_ effects: [AssessmentReminderEffect]) -> [String] {
    effects.compactMap { effect in
        guard case .tell(let userID, let message) = effect else { return nil }
        return userID + ": " + (message.body.split(separator: "\n").first.map(String.init) ?? "")
    }
}

@Test func halfwayEveryoneWithRatingsLeftIsRemindedOnceInOrder() {
    let effects = AssessmentReminders.decide(round(), now: utc("2026-12-02T09:00:00Z"), timeZone: copenhagen, say: Texts(.en))
    #expect(told(effects).map { $0.split(separator: ":").first.map(String.init) ?? "" } == ["@bo", "@ida"])
    #expect(effects.last == .markRoundReminded)
    #expect(told(effects)[0].hasPrefix("@bo:hs: Reminder: you have 1 rating left to give"))
    #expect(told(effects)[0].contains("The deadline is \(SessionTimeFormat.dateTime(deadline, timeZone: copenhagen, language: .en))."))
    #expect(told(effects)[1].contains("you have 2 ratings left"))
}

@Test func beforeHalfwayAfterTheDeadlineOrOnceRemindedNobodyIs() {
    #expect(AssessmentReminders.decide(round(), now: utc("2026-12-02T08:59:00Z"), timeZone: copenhagen, say: Texts(.en)).isEmpty)
    #expect(AssessmentReminders.decide(round(), now: deadline, timeZone: copenhagen, say: Texts(.en)).isEmpty)
    #expect(AssessmentReminders.decide(round(reminded: true), now: utc("2026-12-02T10:00:00Z"), timeZone: copenhagen, say: Texts(.en)).isEmpty)
}

@Test func whenEveryoneHasRatedNoReminderGoesOutAndNoneIsMarked() {
    let done = round(remaining: ["@ida:hs": 0])
    #expect(AssessmentReminders.decide(done, now: utc("2026-12-02T10:00:00Z"), timeZone: copenhagen, say: Texts(.en)).isEmpty)
}

@Test func aStudentWithAnExtensionIsRemindedHalfwayToTheirOwnDeadlineInstead() {
    let granted = AssessmentReminders.Extension(deadline: utc("2026-12-05T09:00:00Z"), grantedAt: utc("2026-12-02T09:00:00Z"), reminded: false)
    let extended = round(extensions: ["@ida:hs": granted])
    let halfway = AssessmentReminders.decide(extended, now: utc("2026-12-02T09:30:00Z"), timeZone: copenhagen, say: Texts(.en))
    #expect(told(halfway).count == 1)
    #expect(told(halfway).first?.hasPrefix("@bo:hs: ") == true)
    let own = AssessmentReminders.decide(round(reminded: true, extensions: ["@ida:hs": granted]), now: utc("2026-12-03T21:00:00Z"),
                                         timeZone: copenhagen, say: Texts(.en))
    #expect(told(own).count == 1)
    #expect(told(own).first?.hasPrefix("@ida:hs: Reminder: you have 2 ratings left") == true)
    #expect(told(own).first?.contains(SessionTimeFormat.dateTime(granted.deadline, timeZone: copenhagen, language: .en)) == true)
    #expect(own.last == .markExtensionReminded(userID: "@ida:hs"))
    #expect(granted.reminderDue == utc("2026-12-03T21:00:00Z"))
    var reminded = granted
    reminded.reminded = true
    #expect(AssessmentReminders.decide(round(reminded: true, extensions: ["@ida:hs": reminded]), now: utc("2026-12-04T09:00:00Z"),
                                       timeZone: copenhagen, say: Texts(.en)).isEmpty)
}
