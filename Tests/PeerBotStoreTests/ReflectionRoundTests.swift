import Foundation
import GRDB
import Testing
@testable import PeerBotStore

@Suite struct ReflectionRoundTests {
    @Test(arguments: StoreFlavor.allCases)
    func aRoundIsOpenedOnceAndFoundByItsPromptOnceSent(flavor: StoreFlavor) throws {
        let (store, a, b) = try databaseWithGroups(flavor: flavor)
        let database = store.database
        let first = try plan(database, group: a, start: 1_000).number
        let second = try plan(database, group: b, start: 1_000).number
        let prompts = try database.write { writer in
            let promptA = try writer.outbox.enqueue(sendAction(text: "reflect A"), at: fixedDate(4_600)).id
            let promptB = try writer.outbox.enqueue(sendAction(text: "reflect B"), at: fixedDate(4_600)).id
            try writer.reflections.openRound(session: first, promptOutboxID: promptA, at: fixedDate(4_600), deadline: fixedDate(91_000))
            try writer.reflections.openRound(session: second, promptOutboxID: promptB, at: fixedDate(4_600), deadline: fixedDate(91_000))
            // The job runs again after a restart: the first round stands.
            try writer.reflections.openRound(session: first, promptOutboxID: promptB, at: fixedDate(5_000), deadline: fixedDate(99_000))
            return (promptA, promptB)
        }
        #expect(try database.read { try $0.reflections.round(session: first) } == ReflectionRoundRecord(
            sessionNumber: first, promptOutboxID: prompts.0, promptedAt: fixedDate(4_600), deadline: fixedDate(91_000)))
        // Not sent yet: no event id to find it by.
        #expect(try database.read { try $0.reflections.round(forPromptEventID: "$promptA") } == nil)

        try database.outbox.markSent(id: prompts.0, eventID: "$promptA", at: fixedDate(4_601))
        try database.outbox.markSent(id: prompts.1, eventID: "$promptB", at: fixedDate(4_601))
        try database.read { reader throws in
            #expect(try reader.reflections.round(forPromptEventID: "$promptA")?.sessionNumber == first)
            #expect(try reader.reflections.round(forPromptEventID: "$promptB")?.sessionNumber == second)
            #expect(try reader.reflections.round(forPromptEventID: "$other") == nil)
        }
    }

    @Test func theReminderAndTheSummaryAreRecordedOnceAndTheSummaryClosesTheRound() throws {
        let (store, a, b) = try databaseWithGroups()
        let database = store.database
        let first = try plan(database, group: a, start: 1_000).number
        let second = try plan(database, group: b, start: 2_000).number
        let summary = try database.write { writer in
            try writer.reflections.openRound(session: second, promptOutboxID: nil, at: fixedDate(5_600), deadline: fixedDate(92_000))
            try writer.reflections.openRound(session: first, promptOutboxID: nil, at: fixedDate(4_600), deadline: fixedDate(91_000))
            try writer.reflections.markReminded(session: first, at: fixedDate(47_800))
            try writer.reflections.markReminded(session: first, at: fixedDate(50_000))
            return try writer.outbox.enqueue(sendAction(room: "!sup:hs", text: "summary"), at: fixedDate(91_000)).id
        }
        #expect(try database.read { try $0.reflections.openRounds() }.map(\.sessionNumber) == [first, second])

        try database.write { writer in
            try writer.reflections.markSummarized(session: first, outboxID: summary, at: fixedDate(91_000))
            try writer.reflections.markSummarized(session: first, outboxID: nil, at: fixedDate(95_000))
        }
        let round = try #require(try database.read { try $0.reflections.round(session: first) })
        #expect(round.remindedAt == fixedDate(47_800))
        #expect(round.summaryOutboxID == summary)
        #expect(round.summarizedAt == fixedDate(91_000))
        #expect(round.isSummarized)
        #expect(try database.read { try $0.reflections.openRounds() }.map(\.sessionNumber) == [second])
    }

    @Test func unknownSessionsRoundsAndOutboxRowsAreRefused() throws {
        let (store, a, _) = try databaseWithGroups()
        let database = store.database
        let number = try plan(database, group: a, start: 1_000).number
        #expect(throws: SessionStoreError.sessionNotFound(number: 999)) {
            try database.write { try $0.reflections.openRound(session: 999, promptOutboxID: nil, at: fixedDate(1), deadline: fixedDate(2)) }
        }
        #expect(throws: StoreError.outboxItemNotFound(id: 999)) {
            try database.write { try $0.reflections.openRound(session: number, promptOutboxID: 999, at: fixedDate(1), deadline: fixedDate(2)) }
        }
        #expect(throws: DatabaseError.self) {
            try database.write { try $0.reflections.openRound(session: number, promptOutboxID: nil, at: fixedDate(2), deadline: fixedDate(1)) }
        }
        #expect(throws: ReflectionStoreError.roundNotFound(sessionNumber: number)) {
            try database.write { try $0.reflections.markReminded(session: number, at: fixedDate(3)) }
        }
        #expect(throws: ReflectionStoreError.roundNotFound(sessionNumber: number)) {
            try database.write { try $0.reflections.markSummarized(session: number, outboxID: nil, at: fixedDate(3)) }
        }
        try database.write { try $0.reflections.openRound(session: number, promptOutboxID: nil, at: fixedDate(1), deadline: fixedDate(2)) }
        #expect(throws: StoreError.outboxItemNotFound(id: 999)) {
            try database.write { try $0.reflections.markSummarized(session: number, outboxID: 999, at: fixedDate(3)) }
        }
        #expect(try database.read { try $0.reflections.round(session: number) }?.summarizedAt == nil)
    }

    @Test func theLatestRoundOfAGroupIsTheLastPrompted() throws {
        let (store, a, b) = try databaseWithGroups()
        let database = store.database
        let earlier = try plan(database, group: a, start: 1_000).number
        let later = try plan(database, group: a, start: 20_000).number
        let unprompted = try plan(database, group: a, start: 40_000).number
        let otherGroup = try plan(database, group: b, start: 50_000).number
        #expect(try database.read { try $0.reflections.latestRound(ofGroup: a) } == nil)
        try database.write { writer in
            try writer.reflections.openRound(session: later, promptOutboxID: nil, at: fixedDate(23_600), deadline: fixedDate(110_000))
            try writer.reflections.openRound(session: earlier, promptOutboxID: nil, at: fixedDate(4_600), deadline: fixedDate(91_000))
            try writer.reflections.openRound(session: otherGroup, promptOutboxID: nil, at: fixedDate(53_600), deadline: fixedDate(140_000))
        }
        try database.read { reader throws in
            #expect(try reader.reflections.latestRound(ofGroup: a)?.sessionNumber == later)
            #expect(try reader.reflections.latestRound(ofGroup: b)?.sessionNumber == otherGroup)
            #expect(try reader.reflections.round(session: unprompted) == nil)
        }
    }

    @Test func ofRoundsPromptedAtOnceTheLatestIsTheHigherSessionAndAnEarlierSessionPromptedLaterComesAfterBoth() throws {
        let (store, a, b) = try databaseWithGroups()
        let database = store.database
        let earliest = try plan(database, group: a, start: 1_000).number
        let second = try plan(database, group: a, start: 20_000).number
        let third = try plan(database, group: a, start: 30_000).number
        let otherGroup = try plan(database, group: b, start: 50_000).number
        try database.write { writer in
            // After downtime the prompt job catches up with two sessions in the same tick.
            try writer.reflections.openRound(session: third, promptOutboxID: nil, at: fixedDate(33_600), deadline: fixedDate(120_000))
            try writer.reflections.openRound(session: second, promptOutboxID: nil, at: fixedDate(33_600), deadline: fixedDate(120_000))
            try writer.reflections.openRound(session: otherGroup, promptOutboxID: nil, at: fixedDate(60_000), deadline: fixedDate(140_000))
        }
        #expect(try database.read { try $0.reflections.latestRound(ofGroup: a) }?.sessionNumber == third)
        try database.write { try $0.reflections.openRound(session: earliest, promptOutboxID: nil, at: fixedDate(40_000), deadline: fixedDate(130_000)) }
        #expect(try database.read { try $0.reflections.latestRound(ofGroup: a) } == ReflectionRoundRecord(
            sessionNumber: earliest, promptOutboxID: nil, promptedAt: fixedDate(40_000), deadline: fixedDate(130_000)))
        #expect(try database.read { try $0.reflections.latestRound(ofGroup: b) }?.sessionNumber == otherGroup)
    }

    @Test func theLatestRoundIsFoundThroughTheGroupsSessionsWithoutASort() throws {
        let (store, _, _) = try databaseWithGroups()
        let steps = try store.database.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + ReflectionsReader.latestRoundSQL, arguments: [1]).map { $0["detail"] as String }
        }
        #expect(!steps.contains { $0.contains("TEMP B-TREE") }, "\(steps)")
        #expect(steps.contains { $0.contains("session_groupStart") }, "\(steps)")
        #expect(!steps.contains { $0.hasPrefix("SCAN") }, "\(steps)")
    }
}
