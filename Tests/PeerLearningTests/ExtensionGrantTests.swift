import Foundation
import Testing
import PeerLearning

private let now = utc("2026-12-01T09:00:00Z")
private let day = 86_400
private let reflection = ExtensionGrant.Open(.reflection(session: 7), item: .reflection(session: 7), current: utc("2026-12-02T09:00:00Z"))
private let ratings = ExtensionGrant.Open(.assessment(round: 3), item: .assessment(group: "A"), current: utc("2026-12-04T09:00:00Z"))

private func grant(_ student: ExtensionGrant.Student?, by seconds: Int = 2 * day, notice: Texts = Texts(.da),
                   say: Texts = Texts(.en)) -> ExtensionGrant {
    ExtensionGrant.decide("@ida:example.org", student: student, by: seconds, now: now, timeZone: copenhagen, notice: notice, say: say)
}

@Test func bothOpenDeadlinesMoveFromWhereTheyStandAndTheStudentIsTold() throws {
    let decision = grant(ExtensionGrant.Student(name: "Ida", open: [reflection, ratings]))
    let newReflection = utc("2026-12-04T09:00:00Z")
    let newRatings = utc("2026-12-06T09:00:00Z")
    let moved: [(kind: ExtendedItem, deadline: Date)] = [(.reflection(session: 7), newReflection), (.assessment(group: "A"), newRatings)]
    #expect(decision.effects == [
        .extend(.reflection(session: 7), to: newReflection, reminded: false),
        .extend(.assessment(round: 3), to: newRatings, reminded: false),
        .tellStudent(Texts(.da).extensions.deadlineExtended(moved, timeZone: copenhagen)),
    ])
    guard case .tellStudent(let notice) = decision.effects.last else { Issue.record("the student is not told"); return }
    #expect(notice.body.contains("Du har fået mere tid af din vejleder"))
    #expect(notice.body.contains("Refleksionen over session #7"))
    #expect(decision.reply.body.contains("Ida has more time and was told in their direct room."))
    #expect(decision.reply.body.contains("The peer assessment of group A"))
}

@Test func aDeadlineStillPastAfterTheExtensionGetsNoReminder() {
    let late = ExtensionGrant.Open(.reflection(session: 7), item: .reflection(session: 7), current: utc("2026-11-20T09:00:00Z"))
    let decision = grant(ExtensionGrant.Student(name: "Ida", open: [late]), by: day)
    #expect(decision.effects.first == .extend(.reflection(session: 7), to: utc("2026-11-21T09:00:00Z"), reminded: true))
}

@Test func aStudentNotOnTheRosterChangesNothing() {
    let decision = grant(nil)
    #expect(decision.effects.isEmpty)
    #expect(decision.reply.body == "@ida:example.org is not on the roster. Nothing was changed.")
}

@Test func moreThanThirtyDaysIsRefused() {
    let decision = grant(ExtensionGrant.Student(name: "Ida", open: [reflection]), by: 31 * day)
    #expect(decision.effects.isEmpty)
    #expect(decision.reply.body.hasPrefix("An extension can be at most 30 days. Nothing was changed."))
}

@Test func thirtyDaysExactlyIsGranted() {
    let decision = grant(ExtensionGrant.Student(name: "Ida", open: [reflection]), by: 30 * day)
    #expect(decision.effects.count == 2)
}

@Test func nothingOpenIsSaidAndNothingStored() {
    let decision = grant(ExtensionGrant.Student(name: "Ida", open: []), say: Texts(.da))
    #expect(decision.effects.isEmpty)
    #expect(decision.reply == Texts(.da).extensions.nothingToExtend(name: "Ida"))
    #expect(decision.reply.body.contains("Ida har ingen åben refleksion eller vurdering"))
}
