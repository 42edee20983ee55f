import Foundation
import GRDB
import PeerLearning
import Testing
@testable import PeerBotStore

@Suite struct MigrationV6AssessmentTests {
    /// Scores are never stored, only ratings: a round closed before the upgrade is scored by the fair
    /// formula when it is read afterwards, and it can still be released once.
    @Test func aVersion5RoundIsReadWithTheFairScoreAfterTheUpgrade() throws {
        let directory = TestStore.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bot.sqlite").path
        let members = ["@anna:hs", "@bo:hs", "@cy:hs"]

        try StoreFiles.prepare(databasePath: path)
        let old = try DatabasePool(path: path, configuration: AppDatabase.makeConfiguration())
        try AppDatabase.migrator.migrate(old, upTo: "v6-roster")  // the last migration before the fair score's
        let (groupID, roundID) = try old.write { db in
            let writer = StoreWriter(db)
            for userID in members {
                try writer.roster.upsert(userID: userID, name: userID, attributes: [:], at: fixedDate(1))
            }
            let groupID = try writer.groups.create([(name: "A", members: members)], at: fixedDate(2))[0].id
            let round = try writer.assessment.startRound(
                groupID: groupID, raters: members, subjects: { rater in members.filter { $0 != rater } }, selfAssessment: false,
                startedBy: "@sup:hs", at: fixedDate(10), deadline: fixedDate(100))
            // Cy stays silent. Anna: Bo 4s, Cy 2s (T = 30); Bo: Anna 3s, Cy 3s (T = 30).
            try writer.assessment.saveRating(round: round.id, rater: "@anna:hs", subject: "@bo:hs", marks: [4, 4, 4, 4, 4], comment: nil, at: fixedDate(20))
            try writer.assessment.saveRating(round: round.id, rater: "@anna:hs", subject: "@cy:hs", marks: [2, 2, 2, 2, 2], comment: nil, at: fixedDate(21))
            try writer.assessment.saveRating(round: round.id, rater: "@bo:hs", subject: "@anna:hs", marks: [3, 3, 3, 3, 3], comment: nil, at: fixedDate(22))
            try writer.assessment.saveRating(round: round.id, rater: "@bo:hs", subject: "@cy:hs", marks: [3, 3, 3, 3, 3], comment: nil, at: fixedDate(23))
            try writer.assessment.closeRound(round.id, resultOutboxID: nil, at: fixedDate(100))
            return (groupID, round.id)
        }
        try old.close()

        let database = try AppDatabase(path: path)
        let applied = try database.writer.read { try AppDatabase.migrator.appliedIdentifiers($0) }
        #expect(applied.contains("v6-assessment") && applied.contains("v6-roster"))
        let (round, ratings) = try database.read { reader in
            (try reader.assessment.round(id: roundID), try reader.assessment.ratings(round: roundID))
        }
        #expect(round?.releasedAt == nil && round?.closedAt != nil)
        let result = WebPA.scores(members: members, ratings: ratings.map { Rating(rater: $0.rater, subject: $0.subject, marks: $0.marks) },
                                  selfAssessment: false)
        // Cy, silent, is rated by both: (10/30 · 2 + 15/30 · 2) / 2 = 5/6 = 0.83 (classic WebPA: 1.25).
        #expect(result.scoreStrings == ["@anna:hs": "1.00", "@bo:hs": "1.33", "@cy:hs": "0.83"])
        #expect(try database.read { try $0.deadlines.extensions(.assessment(round: roundID)) }.isEmpty)
        #expect(try database.write { try $0.assessment.markReleased(round: roundID, by: "@sup:hs", at: fixedDate(200)) })
        #expect(try !database.write { try $0.assessment.markReleased(round: roundID, by: "@sup:hs", at: fixedDate(300)) })
        #expect(try database.read { try $0.assessment.rounds(ofGroup: groupID).first?.releasedBy } == "@sup:hs")
    }

    @Test func anExtensionIsKeptPerStudentAndReplacedByTheNextOne() throws {
        let database = try AppDatabase.inMemory()
        let groupID = try database.write { writer in
            for userID in ["@anna:hs", "@bo:hs"] { try writer.roster.upsert(userID: userID, name: userID, attributes: [:], at: fixedDate(1)) }
            return try writer.groups.create([(name: "A", members: ["@anna:hs", "@bo:hs"])], at: fixedDate(2))[0].id
        }
        let round = try startRound(database, group: groupID, members: ["@anna:hs", "@bo:hs"])
        let kind = ExtensionKind.assessment(round: round.id)
        try database.write { try $0.deadlines.extend(kind, userID: "@anna:hs", to: fixedDate(300_000), at: fixedDate(10_500), reminded: false) }
        try database.write { try $0.deadlines.extend(kind, userID: "@anna:hs", to: fixedDate(400_000), at: fixedDate(10_600), reminded: false) }
        try database.write { try $0.deadlines.markReminded(kind, userID: "@anna:hs", at: fixedDate(10_700)) }
        let extensions = try database.read { try $0.deadlines.extensions(kind) }
        #expect(extensions.keys.sorted() == ["@anna:hs"])
        #expect(extensions["@anna:hs"]?.deadline == fixedDate(400_000) && extensions["@anna:hs"]?.remindedAt == fixedDate(10_700))
        #expect(try database.read { try $0.deadlines.deadline(kind, userID: "@bo:hs", common: fixedDate(5)) } == fixedDate(5))
        // Forgetting the student takes the extension with them.
        try database.write { _ = try $0.privacy.forget(userID: "@anna:hs", at: fixedDate(10_800)) }
        #expect(try database.read { try $0.deadlines.extensions(kind) }.isEmpty)
    }
}
