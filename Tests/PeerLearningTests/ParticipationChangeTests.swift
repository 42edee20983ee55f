import Foundation
import Testing
import PeerLearning

private let say = Texts(.en)
private let plan = samplePlan()

@Test func understoodConfirmsTheVersionOfTheGoalsPosted() {
    let change = ParticipationChange.understood(goals: (plan, 3), caller: "@a:hs", callerName: "Anna", say: say)
    #expect(change.effects == [.confirmGoals(session: plan.number, version: 3)])
    #expect(change.reply.body.contains("Thank you, Anna"))
}

@Test func understoodWithoutPostedGoalsChangesNothing() {
    let change = ParticipationChange.understood(goals: nil, caller: "@a:hs", callerName: "Anna", say: say)
    #expect(change.effects.isEmpty)
    #expect(change.reply == say.sessions.noSuchSession(number: nil))
}

@Test func aQuestionIsKeptAndForwardedInTheSupervisorRoomsLanguage() {
    let change = ParticipationChange.question("What is qSOFA?", caller: "@a:hs", callerName: nil, group: plan.group, next: plan,
                                              supervisors: Texts(.da), say: say)
    let forwarded = Texts(.da).sessions.questionToSupervisors(studentName: "@a:hs", userID: "@a:hs", group: plan.group,
                                                              plan: plan, text: "What is qSOFA?")
    #expect(change.effects == [.keepQuestion("What is qSOFA?"), .forwardToSupervisors(forwarded)])
    #expect(change.reply == say.sessions.questionForwarded())
}

@Test func aQuestionWithoutASupervisorRoomIsKeptOnly() {
    let change = ParticipationChange.question("Why?", caller: "@a:hs", callerName: "Anna", group: nil, next: nil,
                                              supervisors: nil, say: say)
    #expect(change.effects == [.keepQuestion("Why?")])
}

@Test func readinessOfSomeoneOffTheRosterIsRefused() {
    #expect(ParticipationChange.ready("@x:hs", true, name: nil, say: say)
        == ParticipationChange(reply: say.roster.studentNotFound(userID: "@x:hs")))
    #expect(ParticipationChange.ready("@a:hs", false, name: "Anna", say: say).effects == [.setReady(userID: "@a:hs", ready: false)])
}

@Test func aStudentMarksOnlyThemselvesAbsent() {
    #expect(ParticipationChange.absenceRefusal("@b:hs", caller: "@a:hs", callerIsSupervisor: false, name: "Bo", say: say)
        == say.forbidden(.absent))
    #expect(ParticipationChange.absenceRefusal("@b:hs", caller: "@sup:hs", callerIsSupervisor: true, name: "Bo", say: say) == nil)
    #expect(ParticipationChange.absenceRefusal("@b:hs", caller: "@sup:hs", callerIsSupervisor: true, name: nil, say: say)
        == say.roster.studentNotFound(userID: "@b:hs"))
    #expect(ParticipationChange.absent("@b:hs", name: "Bo", from: plan, say: say).effects
        == [.markAbsent(session: plan.number, userID: "@b:hs")])
}

private let rotation = RotationFacts(members: [RotationMember(userID: "@a:hs", ready: true), RotationMember(userID: "@b:hs", ready: true)])

@Test func aSupervisorsChoiceIsStoredAndNamedInTheAnswer() {
    let change = ParticipationChange.facilitator(.user("@b:hs"), next: (plan, rotation), names: ["@b:hs": "Bo"], say: say)
    #expect(change.effects == [.overrideFacilitator(session: plan.number, .student("@b:hs"))])
    #expect(change.reply == say.sessions.facilitatorAnswer(plan, choice: .override("@b:hs"), names: ["@b:hs": "Bo"]))
}

@Test func askingWhoFacilitatesChangesNothingAndAFrozenChoiceStands() {
    let asked = ParticipationChange.facilitator(nil, next: (plan, rotation), names: [:], say: say)
    #expect(asked.effects.isEmpty)
    #expect(asked.reply == say.sessions.facilitatorAnswer(plan, choice: rotation.choice, names: [:]))
    var frozen = rotation
    frozen.frozen = .student("@a:hs")
    let overridden = ParticipationChange.facilitator(.me, next: (plan, frozen), names: [:], say: say)
    #expect(overridden.effects == [.overrideFacilitator(session: plan.number, .supervisor)])
    #expect(overridden.reply == say.sessions.facilitatorAnswer(plan, choice: .student("@a:hs"), names: [:]))
}

@Test func withoutANextSessionTheSupervisorFacilitates() {
    let change = ParticipationChange.facilitator(.me, next: nil, names: ["@a:hs": "Anna"], say: say)
    #expect(change.effects.isEmpty)
    #expect(change.reply == say.sessions.facilitatorAnswer(nil, choice: .supervisor, names: [:]))
}
