import Foundation
import Testing
import PeerLearning

private let prompted = Date(timeIntervalSince1970: 1_750_000_000)
private let day: TimeInterval = 86_400
/// A round prompted at `prompted` with a 48-hour deadline.
private let round = ReflectionTimeline.opening(at: prompted, length: 2 * 86_400)

@Test func aRoundRunsFromThePromptForTheConfiguredLength() {
    #expect(round.deadline == prompted.addingTimeInterval(2 * day))
    #expect(round.length == 2 * day)
    #expect(round.halfway == prompted.addingTimeInterval(day))
}

@Test func aReflectionIsLateOnlyAfterTheStudentsOwnDeadline() {
    #expect(!round.isLate(sent: round.deadline, ownDeadline: round.deadline))
    #expect(round.isLate(sent: round.deadline.addingTimeInterval(1), ownDeadline: round.deadline))
    let extended = round.deadline.addingTimeInterval(day)
    #expect(!round.isLate(sent: round.deadline.addingTimeInterval(1), ownDeadline: extended))
    #expect(round.isLate(sent: extended.addingTimeInterval(1), ownDeadline: extended))
}

@Test func theDirectRoomTakesAReflectionForOneMoreRoundLengthAfterTheOwnDeadline() {
    let closesAt = round.deadline.addingTimeInterval(round.length)
    #expect(round.acceptsDirect(sent: prompted, ownDeadline: round.deadline))
    #expect(round.acceptsDirect(sent: closesAt.addingTimeInterval(-1), ownDeadline: round.deadline))
    #expect(!round.acceptsDirect(sent: closesAt, ownDeadline: round.deadline))
    // An extension moves the window with the student's deadline.
    #expect(round.acceptsDirect(sent: closesAt, ownDeadline: round.deadline.addingTimeInterval(day)))
}

@Test func theReminderIsDueOnceFromHalfwayUntilTheDeadlineWhileSomeoneIsMissing() {
    #expect(!round.remindsEveryone(at: round.halfway.addingTimeInterval(-1), alreadyReminded: false, someoneMissing: true))
    #expect(round.remindsEveryone(at: round.halfway, alreadyReminded: false, someoneMissing: true))
    #expect(!round.remindsEveryone(at: round.halfway, alreadyReminded: true, someoneMissing: true))
    #expect(!round.remindsEveryone(at: round.halfway, alreadyReminded: false, someoneMissing: false))
    #expect(!round.remindsEveryone(at: round.deadline, alreadyReminded: false, someoneMissing: true), "too late to remind")
}

@Test func theRoundClosesWhenEveryoneHasReflectedOrEveryDeadlineHasPassed() {
    let early = prompted.addingTimeInterval(60)
    #expect(round.closes(at: early, missingDeadlines: []))
    #expect(!round.closes(at: early, missingDeadlines: [round.deadline]))
    #expect(round.closes(at: round.deadline, missingDeadlines: [round.deadline]))
    let extended = round.deadline.addingTimeInterval(day)
    #expect(!round.closes(at: round.deadline, missingDeadlines: [round.deadline, extended]), "waits for the extended student")
    #expect(round.closes(at: extended, missingDeadlines: [round.deadline, extended]))
    // An extension that ends before the common deadline does not close the round early.
    #expect(!round.closes(at: round.halfway, missingDeadlines: [round.halfway]))
}
