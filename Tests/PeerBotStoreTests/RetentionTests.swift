import Foundation
import Testing
@testable import PeerBotStore

@Suite struct RetentionTests {
    @Test(arguments: StoreFlavor.allCases)
    func purgingOldTextsKeepsTheirCounts(flavor: StoreFlavor) throws {
        let (store, a, _) = try databaseWithGroups(flavor: flavor)
        let database = store.database
        let number = try plan(database, group: a, start: 1_000).number
        try reflect(database, session: number, userID: "@anna:hs", text: "Old reflection", eventID: "$1", at: 5_000)
        try reflect(database, session: number, userID: "@bo:hs", text: "Old too", eventID: "$2", at: 6_000)
        try reflect(database, session: number, userID: "@anna:hs", text: "Recent", eventID: "$3", at: 50_000)
        let round = try startRound(database, group: a, members: ["@anna:hs", "@bo:hs"])
        try database.write { writer in
            try writer.participation.addQuestion(sessionNumber: number, groupID: a, userID: "@bo:hs", text: "Old question", at: fixedDate(900))
            try writer.participation.addQuestion(sessionNumber: number, groupID: a, userID: "@bo:hs", text: "New question", at: fixedDate(40_000))
            try writer.assessment.addFeedback(userID: "@anna:hs", groupID: nil, text: "Old feedback", from: "@sup:hs", at: fixedDate(800))
            try writer.assessment.saveRating(
                round: round.id, rater: "@anna:hs", subject: "@bo:hs", marks: [4, 4, 4, 4, 4], comment: "Old comment",
                at: fixedDate(11_000))
            try writer.assessment.saveRating(
                round: round.id, rater: "@bo:hs", subject: "@anna:hs", marks: [5, 5, 5, 5, 5], comment: "New comment",
                at: fixedDate(45_000))
        }

        let purged = try database.write { try $0.privacy.purgeTexts(olderThan: fixedDate(30_000)) }
        #expect(purged == 5)
        try database.read { reader throws in
            #expect(try reader.reflections.all(session: number).map(\.text) == ["Recent"])
            #expect(try reader.participation.questions(number).map(\.text) == ["New question"])
            #expect(try reader.assessment.feedback(forStudent: "@anna:hs").isEmpty)
            let ratings = try reader.assessment.ratings(round: round.id)
            #expect(ratings.map(\.comment) == [nil, "New comment"])
            #expect(ratings.map(\.marks) == [[4, 4, 4, 4, 4], [5, 5, 5, 5, 5]])
            #expect(try reader.privacy.anonymousCounts() == [
                "reflections": 2, "questions": 1, "feedback": 1, "rating_comments": 1,
            ])
        }

        // A second purge finds nothing more and the totals stay.
        #expect(try database.write { try $0.privacy.purgeTexts(olderThan: fixedDate(30_000)) } == 0)
        #expect(try database.read { try $0.privacy.anonymousCounts() }["reflections"] == 2)
    }
}
