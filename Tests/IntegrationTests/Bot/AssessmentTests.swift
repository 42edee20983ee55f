import Foundation
import Testing

extension BotEngineTests {
    /// An extension that makes a late reflection on time, then one peer-assessment round of a group
    /// of four, as the students, the supervisor and the fair WebPA formula see it; its release to the
    /// students and the course overview.
    @Suite("Peer assessment")
    struct PeerAssessment {
        /// `evaluation_deadline`, in seconds: every answer, the malformed ones and the change too,
        /// a round trip through the bot each, must be in before it on cores the suite keeps busy.
        static let deadline = 150.0
        /// `reflection_deadline`, in seconds: `!forlæng` must reach the bot before it.
        static let reflectionDeadline = 60.0
        static let feedbackText = "Flot overblik over medicinen i dag – husk at dokumentere undervejs"

        @Test("!forlæng, then !evaluer A: a malformed answer, a changed rating, a silent student, an undifferentiated rater; fair WebPA at the deadline; !frigiv; !overblik; feedback; !mine data")
        func roundOfFour() async throws {
            let began = ContinuousClock.now
            let cohort = try await CohortScenario.start(
                studentCount: 4,
                extra: ["self_assessment": "false", "evaluation_deadline": "\(Int(Self.deadline))s", "evaluation_every": "0",
                        "reflection_deadline": "\(Int(Self.reflectionDeadline))s", "wrap_up_before_end": "5s"],
                label: "assessment")
            defer { cohort.bot.kill9() }
            let formed = try await cohort.formGroups(size: 4, seed: 11)
            let group = try #require(formed.room(named: "A"), "no group A among \(formed.rooms.map(\.name))")
            let cast = try await AssessmentCast(cohort: cohort, formed: formed, group: group)
            let plan = RatingPlan(cast)
            print("assessment: groups ready after \(ContinuousClock.now - began)")
            try await extendAReflection(cast)
            print("assessment: extension checked after \(ContinuousClock.now - began)")

            // The bot stamps the deadline when it handles the command, after it was sent and
            // before its reply, which may wait behind the round's requests on a busy machine.
            let commandSentAt = Date()
            let started = try await cohort.command("!evaluer A").reply
            #expect(started.peerbotError == nil, "!evaluer A was refused: \(started)")
            try await expectIntroductions(cast)

            async let malformer = answerAll(cast, rater: cast.malformer, plan: plan, malformedFirst: true)
            async let changer = answerAll(cast, rater: cast.changer, plan: plan, malformedFirst: false)
            async let steady = answerAll(cast, rater: cast.steady, plan: plan, malformedFirst: false)
            let requests = try await [cast.malformer.userID: malformer, cast.changer.userID: changer, cast.steady.userID: steady]
            try await changeRating(cast, plan: plan, requests: requests[cast.changer.userID]!)
            print("assessment: answers in after \(ContinuousClock.now - began)")

            try await sendFeedback(cast)
            let result = try await awaitResult(cast)
            let closedAfter = result.sentAt.timeIntervalSince(started.sentAt)
            let closedAfterCommand = result.sentAt.timeIntervalSince(commandSentAt)
            #expect(closedAfterCommand >= Self.deadline - 1,
                    "the round closed \(closedAfterCommand) s after !evaluer was sent, \(closedAfter) s after its answer, before its \(Self.deadline) s deadline")
            // Closed at the deadline, by the bot's own record: the result's way through the outbox
            // and the homeserver takes what busy cores make it take, and is not what is checked here.
            let round = "id = (SELECT max(id) FROM assessmentRound)"
            let roundDeadline = try #require(try await cohort.bot.storedDate("deadline", in: "assessmentRound", where: round))
            let closedAt = try #require(try await cohort.bot.storedDate("closedAt", in: "assessmentRound", where: round), "the round is not closed")
            #expect(closedAt >= roundDeadline && closedAt.timeIntervalSince(roundDeadline) <= 20,
                    "the round closed \(closedAt.timeIntervalSince(roundDeadline)) s after its deadline")
            print("assessment: result \(closedAfter) s after !evaluer")

            let expected = WebPAExpectation.scores(plan.finalMarks, members: cast.memberIDs)
            checkResult(result, cast: cast, plan: plan, expected: expected)
            try await checkStudentRooms(cast, plan: plan, requests: requests)
            try await release(cast, plan: plan)
            try await checkOverview(cast, plan: plan)
            try await checkMyData(cast, plan: plan)
            print("assessment test took \(ContinuousClock.now - began)")
        }
    }
}
