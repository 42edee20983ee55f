import Foundation
import GRDB
import Testing
@testable import PeerBotStore

/// Starts a round in which every rater rates the given members in order, except themselves
/// unless `selfAssessment`.
@discardableResult
func startRound(
    _ database: AppDatabase, group: Int64, members: [String], selfAssessment: Bool = false,
    at seconds: TimeInterval = 10_000
) throws -> AssessmentRoundRecord {
    try database.write { writer in
        try writer.assessment.startRound(
            groupID: group, raters: members,
            subjects: { rater in members.filter { selfAssessment || $0 != rater } },
            selfAssessment: selfAssessment, startedBy: "@sup:hs", at: fixedDate(seconds),
            deadline: fixedDate(seconds + 259_200))
    }
}

@Suite struct AssessmentRoundTests {
    @Test(arguments: StoreFlavor.allCases)
    func aGroupHasAtMostOneOpenRound(flavor: StoreFlavor) throws {
        let (store, a, b) = try databaseWithGroups(flavor: flavor)
        let database = store.database
        let first = try startRound(database, group: a, members: ["@anna:hs", "@bo:hs"])
        #expect(first == AssessmentRoundRecord(
            id: first.id, groupID: a, startedAt: fixedDate(10_000), deadline: fixedDate(269_200),
            startedBy: "@sup:hs", selfAssessment: false))

        #expect(throws: AssessmentStoreError.roundAlreadyOpen(groupID: a, roundID: first.id)) {
            try startRound(database, group: a, members: ["@anna:hs", "@bo:hs"], at: 20_000)
        }
        let other = try startRound(database, group: b, members: ["@cleo:hs"], selfAssessment: true, at: 11_000)
        #expect(try database.read { try $0.assessment.openRounds() }.map(\.id) == [first.id, other.id])

        try database.write { try $0.assessment.closeRound(first.id, resultOutboxID: nil, at: fixedDate(30_000)) }
        let second = try startRound(database, group: a, members: ["@anna:hs", "@bo:hs"], at: 40_000)
        try database.read { reader throws in
            #expect(try reader.assessment.openRound(ofGroup: a) == second)
            #expect(try reader.assessment.latestRound(ofGroup: a) == second)
            #expect(try reader.assessment.rounds(ofGroup: a).map(\.id) == [first.id, second.id])
            #expect(try reader.assessment.round(id: first.id)?.closedAt == fixedDate(30_000))
            #expect(try reader.assessment.openRounds().map(\.id) == [other.id, second.id])
        }
    }

    @Test func theSchemaItselfRefusesASecondOpenRound() throws {
        let (store, a, _) = try databaseWithGroups()
        try startRound(store.database, group: a, members: ["@anna:hs"])
        #expect(throws: DatabaseError.self) {
            try store.database.write { writer in
                try writer.db.execute(
                    sql: """
                        INSERT INTO assessmentRound (groupID, startedAt, deadline, startedBy, selfAssessment)
                        VALUES (?, ?, ?, 'schedule', 0)
                        """,
                    arguments: [a, fixedDate(1), fixedDate(2)])
            }
        }
    }

    @Test func aRoundNeedsAnActiveGroupAndRatersOnTheRoster() throws {
        let (store, a, _) = try databaseWithGroups()
        let database = store.database
        #expect(throws: RosterStoreError.groupNotFound(id: 999)) {
            try startRound(database, group: 999, members: ["@anna:hs"])
        }
        #expect(throws: RosterStoreError.studentNotOnRoster(userID: "@stranger:hs")) {
            try startRound(database, group: a, members: ["@anna:hs", "@stranger:hs"])
        }
        #expect(try database.read { try $0.assessment.openRound(ofGroup: a) } == nil)
    }

    @Test(arguments: StoreFlavor.allCases)
    func theReminderAndTheResultAreRecordedOnce(flavor: StoreFlavor) throws {
        let (store, a, _) = try databaseWithGroups(flavor: flavor)
        let database = store.database
        let round = try startRound(database, group: a, members: ["@anna:hs", "@bo:hs"])
        let result = try database.write { try $0.outbox.enqueue(sendAction(room: "!sup:hs", text: "scores"), at: fixedDate(300_000)) }
        try database.write { writer in
            try writer.assessment.markReminded(round: round.id, at: fixedDate(140_000))
            try writer.assessment.markReminded(round: round.id, at: fixedDate(150_000))
            try writer.assessment.closeRound(round.id, resultOutboxID: result.id, at: fixedDate(300_000))
            try writer.assessment.closeRound(round.id, resultOutboxID: nil, at: fixedDate(400_000))
        }
        let stored = try #require(try database.read { try $0.assessment.round(id: round.id) })
        #expect(stored.remindedAt == fixedDate(140_000))
        #expect(stored.closedAt == fixedDate(300_000))
        #expect(stored.resultOutboxID == result.id)
        #expect(try database.read { try $0.assessment.openRounds() }.isEmpty)

        #expect(throws: AssessmentStoreError.roundNotFound(id: 999)) {
            try database.write { try $0.assessment.markReminded(round: 999, at: fixedDate(1)) }
        }
        let next = try startRound(database, group: a, members: ["@anna:hs"], at: 500_000)
        #expect(throws: StoreError.outboxItemNotFound(id: 999)) {
            try database.write { try $0.assessment.closeRound(next.id, resultOutboxID: 999, at: fixedDate(600_000)) }
        }
        #expect(try database.read { try $0.assessment.openRound(ofGroup: a) } == next)
    }
}
