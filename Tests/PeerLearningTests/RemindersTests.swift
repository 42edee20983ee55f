import Foundation
import Testing
import PeerLearning

private let plan = samplePlan(number: 7)
private let groupA = Reminders.Group(name: "A", members: [
    Reminders.Member(userID: "@ida:hs", name: "Ida", open: [.reflect(plan), .assess(groupName: "A")]),
    Reminders.Member(userID: "@bo:hs", name: "@bo:hs", open: []),
])
private let groupB = Reminders.Group(name: "B", members: [Reminders.Member(userID: "@eva:hs", name: "Eva", open: [.confirmGoals(plan)])])

@Test func onlyMembersWithSomethingOpenAreNudgedEachInTheDeploymentsLanguage() {
    let decision = Reminders.decide([groupA, groupB], named: false, notice: Texts(.da), say: Texts(.en))
    #expect(decision.effects == [
        .nudge(userID: "@ida:hs", Texts(.da).reflections.nudge(name: "Ida", openItems: [.reflect(plan), .assess(groupName: "A")])),
        .nudge(userID: "@eva:hs", Texts(.da).reflections.nudge(name: "Eva", openItems: [.confirmGoals(plan)])),
    ])
    guard case .nudge(_, let first) = decision.effects.first else { Issue.record("nobody nudged"); return }
    #expect(first.body.contains("Hej Ida – din vejleder minder dig om, at du mangler:"))
    #expect(decision.reply.body == "Reminder sent to 2 students in all groups, each in their direct room.")
}

@Test func aNamedGroupIsNamedInTheAnswer() {
    let decision = Reminders.decide([groupA], named: true, notice: Texts(.en), say: Texts(.en))
    #expect(decision.effects.count == 1)
    #expect(decision.reply.body == "Reminder sent to 1 student in group A, each in their direct room.")
    #expect(decision.reply.group == "A")
}

@Test func nobodyOpenSendsNothingAndSaysSo() {
    let decision = Reminders.decide([Reminders.Group(name: "C", members: [])], named: true, notice: Texts(.en), say: Texts(.da))
    #expect(decision.effects.isEmpty)
    #expect(decision.reply.body == "Ingen i gruppe C mangler noget lige nu – der er ikke sendt nogen påmindelser.")
}
