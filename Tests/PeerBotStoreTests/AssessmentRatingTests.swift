import Foundation
import Testing
@testable import PeerBotStore

@Suite struct AssessmentRatingTests {
    @Test(arguments: StoreFlavor.allCases)
    func eachRaterWorksThroughTheirSubjectsInOrder(flavor: StoreFlavor) throws {
        let store = try databaseWithRoster(["anna", "bo", "cleo"], flavor: flavor)
        let database = store.database
        let group = try database.write { writer in
            try writer.groups.create([(name: "A", members: ["@anna:hs", "@bo:hs", "@cleo:hs"])], at: fixedDate(1))[0].id
        }
        // Each rater starts with someone else, so their lists differ in order.
        let round = try database.write { writer in
            try writer.assessment.startRound(
                groupID: group, raters: ["@cleo:hs", "@anna:hs"],
                subjects: { $0 == "@anna:hs" ? ["@cleo:hs", "@bo:hs", "@anna:hs"] : ["@bo:hs", "@anna:hs"] },
                selfAssessment: true, startedBy: AssessmentRoundRecord.scheduleStarter,
                at: fixedDate(10), deadline: fixedDate(20))
        }
        let assignments = try database.read { try $0.assessment.assignments(round: round.id) }
        #expect(assignments.map { "\($0.rater)>\($0.subject)#\($0.position)" } == [
            "@anna:hs>@cleo:hs#1", "@anna:hs>@bo:hs#2", "@anna:hs>@anna:hs#3",
            "@cleo:hs>@bo:hs#1", "@cleo:hs>@anna:hs#2",
        ])
        #expect(try database.read { try $0.assessment.currentAssignment(round: round.id, rater: "@anna:hs") }?.subject == "@cleo:hs")
        #expect(try database.read { try $0.assessment.openRound(forRater: "@anna:hs") }?.id == round.id)
        #expect(try database.read { try $0.assessment.openRound(forRater: "@bo:hs") } == nil)

        try database.write { writer in
            try writer.assessment.markRequested(round: round.id, rater: "@anna:hs", subject: "@cleo:hs", at: fixedDate(11))
            try writer.assessment.markRequested(round: round.id, rater: "@anna:hs", subject: "@cleo:hs", at: fixedDate(12))
            try writer.assessment.saveRating(
                round: round.id, rater: "@anna:hs", subject: "@cleo:hs", marks: [4, 5, 3, 4, 5], comment: nil,
                at: fixedDate(13))
        }
        let current = try #require(try database.read { try $0.assessment.currentAssignment(round: round.id, rater: "@anna:hs") })
        #expect(current == AssessmentAssignmentRecord(roundID: round.id, rater: "@anna:hs", subject: "@bo:hs", position: 2))
        let answered = try database.read { try $0.assessment.assignments(round: round.id) }.first
        #expect(answered?.requestedAt == fixedDate(11))
        #expect(answered?.answeredAt == fixedDate(13))

        try database.write { writer in
            for subject in ["@bo:hs", "@anna:hs"] {
                try writer.assessment.saveRating(
                    round: round.id, rater: "@anna:hs", subject: subject, marks: [3, 3, 3, 3, 3], comment: nil,
                    at: fixedDate(14))
            }
        }
        try database.read { reader throws in
            #expect(try reader.assessment.currentAssignment(round: round.id, rater: "@anna:hs") == nil)
            #expect(try reader.assessment.openRound(forRater: "@anna:hs") == nil)
            #expect(try reader.assessment.openRound(forRater: "@cleo:hs")?.id == round.id)
        }
    }

    @Test(arguments: StoreFlavor.allCases)
    func aNewRatingOfThePairReplacesTheEarlierOne(flavor: StoreFlavor) throws {
        let (store, a, _) = try databaseWithGroups(flavor: flavor)
        let database = store.database
        let round = try startRound(database, group: a, members: ["@anna:hs", "@bo:hs"])
        try database.write { writer in
            try writer.assessment.saveRating(
                round: round.id, rater: "@anna:hs", subject: "@bo:hs", marks: [4, 5, 3, 4, 5],
                comment: "good lead on the case", at: fixedDate(11_000))
            try writer.assessment.releaseComment(round: round.id, rater: "@anna:hs", subject: "@bo:hs")
        }
        #expect(try database.read { try $0.assessment.ratings(round: round.id) }.map(\.commentReleased) == [true])

        try database.write { writer in
            try writer.assessment.saveRating(
                round: round.id, rater: "@anna:hs", subject: "@bo:hs", marks: [2, 2, 1, 0, 5], comment: "",
                at: fixedDate(12_000))
        }
        let ratings = try database.read { try $0.assessment.ratings(round: round.id) }
        #expect(ratings == [RatingRecord(
            roundID: round.id, rater: "@anna:hs", subject: "@bo:hs", marks: [2, 2, 1, 0, 5], comment: nil,
            at: fixedDate(12_000), commentReleased: false)])
        // The assignment keeps its first answer.
        #expect(try database.read { try $0.assessment.assignments(round: round.id) }.first?.answeredAt == fixedDate(11_000))
    }

    @Test func ratingsOutsideTheRoundsTaskListAreRefused() throws {
        let (store, a, _) = try databaseWithGroups()
        let database = store.database
        let round = try startRound(database, group: a, members: ["@anna:hs", "@bo:hs"])
        let rate = { (rater: String, subject: String, marks: [Int]) in
            try database.write { writer in
                try writer.assessment.saveRating(
                    round: round.id, rater: rater, subject: subject, marks: marks, comment: nil, at: fixedDate(11_000))
            }
        }
        #expect(throws: AssessmentStoreError.invalidMarks([4, 5, 3])) { try rate("@anna:hs", "@bo:hs", [4, 5, 3]) }
        #expect(throws: AssessmentStoreError.invalidMarks([4, 5, 3, 4, 6])) { try rate("@anna:hs", "@bo:hs", [4, 5, 3, 4, 6]) }
        #expect(throws: AssessmentStoreError.notAssigned(roundID: round.id, rater: "@anna:hs", subject: "@anna:hs")) {
            try rate("@anna:hs", "@anna:hs", [1, 1, 1, 1, 1])
        }
        #expect(throws: AssessmentStoreError.notAssigned(roundID: round.id, rater: "@bo:hs", subject: "@cleo:hs")) {
            try database.write { try $0.assessment.markRequested(round: round.id, rater: "@bo:hs", subject: "@cleo:hs", at: fixedDate(1)) }
        }
        #expect(throws: AssessmentStoreError.ratingNotFound(roundID: round.id, rater: "@bo:hs", subject: "@anna:hs")) {
            try database.write { try $0.assessment.releaseComment(round: round.id, rater: "@bo:hs", subject: "@anna:hs") }
        }
        try database.write { try $0.assessment.closeRound(round.id, resultOutboxID: nil, at: fixedDate(12_000)) }
        #expect(throws: AssessmentStoreError.roundClosed(id: round.id)) { try rate("@anna:hs", "@bo:hs", [1, 1, 1, 1, 1]) }
        #expect(try database.read { try $0.assessment.ratings(round: round.id) }.isEmpty)
    }
}
