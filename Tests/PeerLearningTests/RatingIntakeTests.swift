import Foundation
import Testing
import PeerLearning

private let names = ["@ida:hs": "Ida", "@bo:hs": "Bo", "@eva:hs": "Eva"]

/// Ida's round in group A: she rates Bo, then Eva; `answered` are the ones she has rated.
private func round(answered: Set<String> = [], replied: String? = nil, reflectionOpen: Bool = false,
                   subjects: [String] = ["@bo:hs", "@eva:hs"]) -> RatingIntake.Round {
    let assignments = subjects.enumerated().map { RatingIntake.Assignment(subject: $1, position: $0 + 1, answered: answered.contains($1)) }
    return RatingIntake.Round(rater: "@ida:hs", group: "A", assignments: assignments, rated: answered, names: names,
                              repliedSubject: replied, reflectionOpen: reflectionOpen)
}

private func decide(_ text: String, _ round: RatingIntake.Round, language: Language = .en) -> RatingIntake? {
    let reply = RatingReply.parse(text)
    return RatingIntake.decide(reply, guardedComment: RatingIntake.commentToGuard(reply), round: round, say: Texts(language))
}

/// What the student sees, in order: "reply:", "tell:" or "post:" and the message's first line.
private func seen(_ decision: RatingIntake?) -> [String] {
    (decision?.effects ?? []).compactMap { effect in
        switch effect {
        case .reply(let message): "reply: " + firstLine(message)
        case .tell(let userID, let message): "tell \(userID): " + firstLine(message)
        case .post(let message): "post: " + firstLine(message)
        case .save, .markRequested: nil
        }
    }
}

private func firstLine(_ message: BotMessage) -> String {
    message.body.split(separator: "\n").first.map(String.init) ?? ""
}

@Test func aFirstRatingIsKeptAnsweredAndTheNextPeerIsAskedFor() throws {
    let decision = try #require(decide("4 5 3 4 5 good lead", round()))
    #expect(decision.effects.first == .save(subject: "@bo:hs", marks: [4, 5, 3, 4, 5], comment: "good lead"))
    #expect(seen(decision) == ["reply: Your rating of Bo is recorded.", "tell @ida:hs: (2/2) Rate Eva"])
    #expect(decision.effects.last == .markRequested(subject: "@eva:hs"))
}

@Test func theLastRatingThanksTheStudentAndAsksForNothing() throws {
    let decision = try #require(decide("4,5,3,4,5", round(answered: ["@bo:hs"])))
    #expect(decision.effects.first == .save(subject: "@eva:hs", marks: [4, 5, 3, 4, 5], comment: nil))
    #expect(seen(decision).count == 2)
    #expect(seen(decision).first == "reply: Your rating of Eva is recorded.")
    #expect(seen(decision).last?.hasPrefix("post: Thank you — you have rated everyone") == true)
    #expect(!decision.effects.contains { if case .markRequested = $0 { true } else { false } })
}

@Test func aReplyToAnEarlierRequestReplacesThatRatingAndAsksForNothingNew() throws {
    let decision = try #require(decide("1 1 1 1 1", round(answered: ["@bo:hs"], replied: "@bo:hs")))
    #expect(decision.effects == [
        .save(subject: "@bo:hs", marks: [1, 1, 1, 1, 1], comment: nil),
        .reply(Texts(.en).assessment.ratingRecorded(subjectName: "Bo", replaced: true)),
    ])
    #expect(seen(decision) == ["reply: Your rating of Bo is updated; the earlier one is replaced."])
}

@Test func aReplyNamingAPeerNoLongerAssignedRatesThePeerAskedAboutNow() throws {
    let decision = try #require(decide("3 3 3 3 3", round(replied: "@gone:hs")))
    #expect(decision.effects.first == .save(subject: "@bo:hs", marks: [3, 3, 3, 3, 3], comment: nil))
}

@Test func anUnreadableReplyShowsTheFormatAgainAndKeepsNothing() throws {
    let decision = try #require(decide("great teamwork", round(), language: .da))
    #expect(seen(decision).map { $0.hasPrefix("reply: Jeg kunne ikke læse det som en vurdering af Bo.") } == [true])
    #expect(!decision.effects.contains { if case .save = $0 { true } else { false } })
}

@Test func anUnreadableReplyWhileAReflectionIsOpenIsLeftForTheReflection() {
    let open = round(reflectionOpen: true)
    #expect(!RatingIntake.takes(.malformed, round: open))
    #expect(decide("today I learned to listen", open) == nil)
    // A rating is still a rating while a reflection is open.
    #expect(decide("4 4 4 4 4", open) != nil)
}

@Test func aRaterWithNobodyLeftToRateIsNotAnswered() {
    let done = round(answered: ["@bo:hs", "@eva:hs"])
    #expect(!RatingIntake.takes(.rating(marks: [4, 4, 4, 4, 4], comment: nil), round: done))
    #expect(decide("4 4 4 4 4", done) == nil)
}

@Test func aCommentOverTheLimitIsRefusedUnguardedAndUnkept() throws {
    let long = "4 4 4 4 4 " + String(repeating: "x", count: TextKind.comment.limit + 1)
    let reply = RatingReply.parse(long)
    #expect(RatingIntake.commentToGuard(reply) == nil)
    let decision = try #require(decide(long, round()))
    #expect(decision.effects == [.reply(Texts(.en).textTooLong(.comment, length: TextKind.comment.limit + 1))])
}

@Test func theCommentKeptIsTheGuardedOneAndABlankOneIsNone() throws {
    let reply = RatingReply.parse("4 4 4 4 4 saw Hans Jensen today")
    #expect(RatingIntake.commentToGuard(reply) == "saw Hans Jensen today")
    let masked = try #require(RatingIntake.decide(reply, guardedComment: "saw [name] today", round: round(), say: Texts(.en)))
    #expect(masked.effects.first == .save(subject: "@bo:hs", marks: [4, 4, 4, 4, 4], comment: "saw [name] today"))
    let blank = try #require(RatingIntake.decide(reply, guardedComment: "   ", round: round(), say: Texts(.en)))
    #expect(blank.effects.first == .save(subject: "@bo:hs", marks: [4, 4, 4, 4, 4], comment: nil))
}

@Test func withSelfAssessmentTheNextRequestAsksTheStudentToRateThemselves() throws {
    let decision = try #require(decide("5 5 5 5 5", round(subjects: ["@bo:hs", "@ida:hs", "@eva:hs"])))
    #expect(seen(decision).last == "tell @ida:hs: (2/3) Rate yourself")
    #expect(decision.effects.last == .markRequested(subject: "@ida:hs"))
}

@Test func aPeerMissingFromTheRosterIsCalledByTheirUserID() throws {
    let decision = try #require(decide("5 5 5 5 5", round(subjects: ["@bo:hs", "@new:hs"])))
    #expect(seen(decision).last == "tell @ida:hs: (2/2) Rate @new:hs")
}

@Test func aTextThatIsNoRatingWhileAReflectionIsOpenIsDeclinedBeforeTheRoundIsRead() {
    #expect(RatingIntake.declines(RatingReply.parse("I learned a lot"), reflectionOpen: true))
    #expect(!RatingIntake.declines(RatingReply.parse("I learned a lot"), reflectionOpen: false), "then the format is shown again")
    #expect(!RatingIntake.declines(RatingReply.parse("4 4 4 4 4"), reflectionOpen: true))
    // Declined early means declined by the full check too.
    #expect(!RatingIntake.takes(RatingReply.parse("I learned a lot"), round: round(reflectionOpen: true)))
}
