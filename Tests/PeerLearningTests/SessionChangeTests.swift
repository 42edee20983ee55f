import Foundation
import Testing
import PeerLearning

private let before = utc("2026-12-01T09:00:00Z")

private func decide(_ edit: SessionEdit, goals: SessionChange.Goals, now: Date = before) -> SessionChange {
    SessionChange.decide(edit, to: samplePlan(), goals: goals, now: now, timeZone: copenhagen,
                         group: Texts(.da), reply: Texts(.en))
}

@Test func aChangeBeforeTheGoalsArePostedIsStoredAndAnsweredOnly() {
    let change = decide(.goal("Use qSOFA"), goals: .init(posted: false))
    #expect(change.effects == [.edit(.goal("Use qSOFA")), .noteGoalsContent])
    #expect(change.reply == Texts(.en).sessions.sessionUpdated(SessionEdit.goal("Use qSOFA").applied(to: samplePlan()),
                                                       goalsAlreadyPosted: false))
    #expect(change.reply.body.contains("now has 2 goal(s) and 1 expected outcome(s)"))
}

@Test func aChangeToPostedGoalsEditsThemAndAsksOnlyThoseWhoHadConfirmed() throws {
    let goals = SessionChange.Goals(posted: true, members: ["@b:hs", "@a:hs", "@c:hs"], confirmed: ["@a:hs", "@c:hs", "@gone:hs"],
                                    facilitatorName: "Anna", criteria: nil)
    let change = decide(.outcome("A sepsis flowchart"), goals: goals)
    #expect(change.effects.count == 5)
    guard case .replaceGoalsMessage(let edited) = change.effects[2] else { Issue.record("no edit: \(change.effects)"); return }
    #expect(edited.kind == .goals)
    #expect(edited.body.contains("A sepsis flowchart"), "the edited goals message holds the new outcome")
    #expect(edited.body.contains("Anna"))
    guard case .postToGroup(let notice, let mentions) = change.effects[3] else { Issue.record("no notice"); return }
    // Roster order, and only members: someone who left the group is not asked again.
    #expect(mentions == ["@a:hs", "@c:hs"])
    #expect(notice == Texts(.da).sessions.goalsUpdatedNotice(SessionEdit.outcome("A sepsis flowchart").applied(to: samplePlan()), askAgain: true))
    #expect(change.effects.last == .keepGoalsMessage)
    #expect(change.reply.body != Texts(.en).sessions.sessionUpdated(samplePlan(), goalsAlreadyPosted: false).body)
}

@Test func nobodyToAskAgainStillGetsTheNoticeWithoutMentions() {
    let change = decide(.activity(.discussion, brief: "Handover"), goals: .init(posted: true, members: ["@a:hs"], confirmed: []))
    guard case .postToGroup(let notice, let mentions) = change.effects[3] else { Issue.record("no notice"); return }
    #expect(mentions.isEmpty)
    #expect(notice == Texts(.da).sessions.goalsUpdatedNotice(SessionEdit.activity(.discussion, brief: "Handover").applied(to: samplePlan()),
                                                    askAgain: false))
}

@Test func goalsOfASessionThatHasEndedAreLeftAsTheyWere() {
    let change = decide(.goal("Late goal"), goals: .init(posted: true, members: ["@a:hs"], confirmed: ["@a:hs"]),
                        now: samplePlan().end)
    #expect(change.effects == [.edit(.goal("Late goal")), .noteGoalsContent])
}

@Test func anEditAddsItemsAfterTheOnesThereAndReplacesTheActivity() {
    let plan = samplePlan()
    #expect(SessionEdit.goal("Second").applied(to: plan).goals == ["Recognise early signs of sepsis", "Second"])
    #expect(SessionEdit.outcome("Another").applied(to: plan).outcomes == ["A shared ABCDE checklist", "Another"])
    let changed = SessionEdit.activity(.discussion, brief: "ISBAR").applied(to: plan)
    #expect(changed.activity == .discussion)
    #expect(changed.activityBrief == "ISBAR")
    #expect(changed.goals == plan.goals)
}
