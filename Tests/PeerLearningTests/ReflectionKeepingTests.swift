import Foundation
import Testing
import PeerLearning

private let prompted = utc("2026-12-03T14:30:00Z")
private let deadline = utc("2026-12-04T14:30:00Z")
private let timeline = ReflectionTimeline(promptedAt: prompted, deadline: deadline)
private let plan = samplePlan(number: 7)
private let onTime = utc("2026-12-04T10:00:00Z")
private let afterDeadline = utc("2026-12-04T16:00:00Z")
private let note = ReflectionKeeping.LateNote(say: Texts(.en), name: "Ida", plan: plan)

private func submission(_ text: String = "I learned to ask for help early.", kinds: [IdentifierKind] = [], sent: Date = onTime,
                        fromStudent: Bool = true, alreadyKept: Bool = false) -> ReflectionKeeping.Submission {
    ReflectionKeeping.Submission(text: GuardedText(text: text, kinds: kinds), scope: .group, sent: sent, fromStudent: fromStudent,
                                 alreadyKept: alreadyKept)
}

private func keep(_ submission: ReflectionKeeping.Submission, lateNote: ReflectionKeeping.LateNote? = nil, acknowledge: Bool = true,
                  redactsMasked: Bool = false) -> ReflectionKeeping {
    ReflectionKeeping.decide(submission, round: ReflectionKeeping.Round(timeline: timeline, ownDeadline: deadline, lateNote: lateNote),
                             acknowledge: acknowledge, redactsMasked: redactsMasked, refusals: Texts(.da))
}

@Test func aReflectionInTimeIsKeptAndAcknowledged() {
    let decision = keep(submission())
    #expect(decision == ReflectionKeeping(outcome: .kept(late: false), effects: [
        .keep(scope: .group, text: "I learned to ask for help early.", masked: false, late: false), .acknowledge,
    ]))
}

@Test func aLateReflectionAfterTheSummaryIsKeptLateAndTheSupervisorsAreTold() throws {
    let decision = keep(submission(sent: afterDeadline), lateNote: note)
    #expect(decision.outcome == .kept(late: true))
    #expect(decision.effects.first == .keep(scope: .group, text: "I learned to ask for help early.", masked: false, late: true))
    guard case .noteToSupervisors(let message) = decision.effects.last else { Issue.record("the supervisors are not told"); return }
    #expect(message.body.hasPrefix("Ida has sent a late reflection on "))
    #expect(message.session == 7)
}

@Test func aReflectionInTimeAfterTheSummaryIsNotNoted() {
    let decision = keep(submission(), lateNote: note)
    #expect(!decision.effects.contains { if case .noteToSupervisors = $0 { true } else { false } })
}

@Test func aMaskedTextWhoseMessageIsRedactedGetsNoTick() {
    let decision = keep(submission("[CPR]", kinds: [.cpr]), redactsMasked: true)
    #expect(decision.effects == [.keep(scope: .group, text: "[CPR]", masked: true, late: false)])
    #expect(keep(submission("[CPR]", kinds: [.cpr]), redactsMasked: false).effects.contains(.acknowledge))
}

@Test func aBlankOrTooLongReflectionIsRefusedInTheRoomsLanguage() throws {
    #expect(keep(submission("   ")) == ReflectionKeeping(outcome: .refused(Texts(.da).emptyReflection()), effects: []))
    let long = String(repeating: "a", count: TextKind.reflection.limit + 1)
    guard case .refused(let answer) = keep(submission(long)).outcome else { Issue.record("a long text was kept"); return }
    #expect(answer.body.hasPrefix("For lang tekst:"))
}

@Test func aReplayOrANonStudentChangesNothing() {
    #expect(keep(submission(alreadyKept: true)) == ReflectionKeeping(outcome: .ignored, effects: []))
    #expect(keep(submission("   ", fromStudent: false)) == ReflectionKeeping(outcome: .ignored, effects: []))
}

private func reflect(place: ReflectPlace, plan: SessionPlan? = plan, sent: Date = onTime, fromStudent: Bool = true) -> ReflectCommand {
    ReflectCommand.decide(GuardedText(text: "Good teamwork.", kinds: []), sent: sent, plan: plan,
                          round: ReflectionKeeping.Round(timeline: timeline, ownDeadline: deadline, lateNote: nil), place: place,
                          fromStudent: fromStudent, alreadyKept: false, redactsMasked: false, refusals: Texts(.en), say: Texts(.en))
}

@Test func reflectInTheGroupRoomIsSharedAndInTheDirectRoomPrivate() {
    let shared = reflect(place: .ownGroupRoom)
    #expect(shared.effects == [.keep(scope: .group, text: "Good teamwork.", masked: false, late: false)])
    #expect(shared.reply.body.contains("is saved and shared with the group."))
    let own = reflect(place: .ownDirectRoom, sent: afterDeadline)
    #expect(own.effects == [.keep(scope: .private, text: "Good teamwork.", masked: false, late: true)])
    #expect(own.reply.body.contains("Only you and your supervisors can see it. The deadline had passed, so it is marked as late."))
}

@Test func reflectElsewhereOrWithoutARoundKeepsNothing() {
    #expect(reflect(place: .elsewhere) == ReflectCommand(effects: [], reply: Texts(.en).privacy.reflectNotHere()))
    #expect(reflect(place: .ownGroupRoom, plan: nil) == ReflectCommand(effects: [], reply: Texts(.en).reflections.noOpenReflection()))
}

@Test func reflectFromSomeoneNotAStudentKeepsNothingButAnswersAsKept() {
    let decision = reflect(place: .ownGroupRoom, fromStudent: false)
    #expect(decision.effects.isEmpty)
    #expect(decision.reply == Texts(.en).reflections.reflectionAck(plan: plan, scope: .group, late: false))
}

@Test func whatNeedsNoRoundIsDecidedBeforeTheRoundIsRead() {
    #expect(ReflectionKeeping.screen(submission(fromStudent: false), refusals: Texts(.da)) == ReflectionKeeping(outcome: .ignored, effects: []))
    #expect(ReflectionKeeping.screen(submission(alreadyKept: true), refusals: Texts(.da)) == ReflectionKeeping(outcome: .ignored, effects: []))
    guard case .refused = ReflectionKeeping.screen(submission("   "), refusals: Texts(.da))?.outcome else {
        Issue.record("a blank text is refused without the round")
        return
    }
    #expect(ReflectionKeeping.screen(submission(), refusals: Texts(.da)) == nil, "a keepable text needs the round")
    // Whatever the screen decides, the full decision decides the same.
    for screened in [submission(fromStudent: false), submission(alreadyKept: true), submission("   ")] {
        #expect(keep(screened) == ReflectionKeeping.screen(screened, refusals: Texts(.da)))
    }
}

@Test func theLateNotesFactsAreWantedOnlyForALateTextOnceTheSummaryIsOut() {
    #expect(ReflectionKeeping.wantsLateNote(sent: afterDeadline, timeline: timeline, ownDeadline: deadline, summarized: true))
    #expect(!ReflectionKeeping.wantsLateNote(sent: afterDeadline, timeline: timeline, ownDeadline: deadline, summarized: false))
    #expect(!ReflectionKeeping.wantsLateNote(sent: onTime, timeline: timeline, ownDeadline: deadline, summarized: true))
    let extended = afterDeadline.addingTimeInterval(3600)
    #expect(!ReflectionKeeping.wantsLateNote(sent: afterDeadline, timeline: timeline, ownDeadline: extended, summarized: true),
            "within the student's own, later deadline")
}
