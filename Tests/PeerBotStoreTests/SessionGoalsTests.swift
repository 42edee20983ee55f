import Foundation
import GRDB
import Testing
@testable import PeerBotStore

@Suite struct SessionGoalsTests {
    @Test(arguments: StoreFlavor.allCases)
    func aReactionFindsItsSessionOnceTheGoalsMessageIsSent(flavor: StoreFlavor) throws {
        let (store, a, b) = try databaseWithGroups(flavor: flavor)
        let database = store.database
        let first = try plan(database, group: a, start: 1_000).number
        let second = try plan(database, group: b, start: 1_000).number
        let outboxIDs = try database.write { writer in
            let firstPost = try writer.outbox.enqueue(sendAction(text: "goals A"), at: fixedDate(3)).id
            let secondPost = try writer.outbox.enqueue(sendAction(text: "goals B"), at: fixedDate(3)).id
            try writer.sessions.setGoalsMessage(first, outboxID: firstPost, version: 1)
            try writer.sessions.setGoalsMessage(second, outboxID: secondPost, version: 1)
            return (firstPost, secondPost)
        }
        #expect(try database.read { try $0.sessions.find(number: first) }?.goalsOutboxID == outboxIDs.0)
        #expect(try database.read { try $0.sessions.find(number: first) }?.goalsPostedVersion == 1)
        // Not sent yet: no event id to find it by.
        #expect(try database.read { try $0.sessions.find(forGoalsEventID: "$goalsA") } == nil)

        try database.outbox.markSent(id: outboxIDs.0, eventID: "$goalsA", at: fixedDate(4))
        try database.outbox.markSent(id: outboxIDs.1, eventID: "$goalsB", at: fixedDate(4))
        try database.read { reader throws in
            #expect(try reader.sessions.find(forGoalsEventID: "$goalsA")?.number == first)
            #expect(try reader.sessions.find(forGoalsEventID: "$goalsB")?.number == second)
            #expect(try reader.sessions.find(forGoalsEventID: "$other") == nil)
        }
    }

    @Test func theGoalsMessageMustBeAnOutboxRowAndShowAnExistingVersion() throws {
        let (store, a, _) = try databaseWithGroups()
        let database = store.database
        let number = try plan(database, group: a, start: 1_000).number
        #expect(throws: StoreError.outboxItemNotFound(id: 999)) {
            try database.write { try $0.sessions.setGoalsMessage(number, outboxID: 999, version: 1) }
        }
        #expect(throws: DatabaseError.self) {
            try database.write { writer in
                let post = try writer.outbox.enqueue(sendAction(), at: fixedDate(3))
                try writer.sessions.setGoalsMessage(number, outboxID: post.id, version: 2)
            }
        }
        #expect(try database.read { try $0.sessions.find(number: number) }?.goalsOutboxID == nil)
    }

    @Test func aConfirmationIsReplacedAndWithdrawnByItsReaction() throws {
        let (store, a, _) = try databaseWithGroups()
        let database = store.database
        let number = try plan(database, group: a, start: 1_000).number
        try database.write { writer in
            try writer.participation.confirm(number, userID: "@anna:hs", version: 1, at: fixedDate(10), reactionEventID: "$r1")
            try writer.participation.confirm(number, userID: "@bo:hs", version: 1, at: fixedDate(11), reactionEventID: "$r2")
            try writer.sessions.addItem(number, kind: .goal, text: "New goal")
            // Anna confirms the new goals with a command; her ✅ no longer stands for anything.
            try writer.participation.confirm(number, userID: "@anna:hs", version: 2, at: fixedDate(20), reactionEventID: nil)
        }
        #expect(try database.read { try $0.participation.confirmations(number) } == [
            ConfirmationRecord(sessionNumber: number, userID: "@bo:hs", goalsVersion: 1, at: fixedDate(11), reactionEventID: "$r2"),
            ConfirmationRecord(sessionNumber: number, userID: "@anna:hs", goalsVersion: 2, at: fixedDate(20)),
        ])

        let withdrawn = try database.write { writer in
            [try writer.participation.withdrawConfirmation(reactionEventID: "$r1"), try writer.participation.withdrawConfirmation(reactionEventID: "$r2")]
        }
        #expect(withdrawn.map { $0?.userID } == [nil, "@bo:hs"])
        #expect(try database.read { try $0.participation.confirmations(number) }.map(\.userID) == ["@anna:hs"])
    }

    @Test func onlyStudentsConfirmAndOnlySessionsNotCancelled() throws {
        let (store, a, _) = try databaseWithGroups()
        let database = store.database
        let number = try plan(database, group: a, start: 1_000).number
        #expect(throws: RosterStoreError.studentNotOnRoster(userID: "@sup:hs")) {
            try database.write { try $0.participation.confirm(number, userID: "@sup:hs", version: 1, at: fixedDate(10), reactionEventID: nil) }
        }
        #expect(throws: SessionStoreError.sessionNotFound(number: 999)) {
            try database.write { try $0.participation.confirm(999, userID: "@anna:hs", version: 1, at: fixedDate(10), reactionEventID: nil) }
        }
        try database.write { try $0.sessions.cancel(number, at: fixedDate(5)) }
        #expect(throws: SessionStoreError.sessionCancelled(number: number)) {
            try database.write { try $0.participation.confirm(number, userID: "@anna:hs", version: 1, at: fixedDate(10), reactionEventID: nil) }
        }
        #expect(try database.read { try $0.participation.confirmations(number) }.isEmpty)
    }

    @Test func questionsAreKeptPerSessionInTheOrderAsked() throws {
        let (store, a, b) = try databaseWithGroups()
        let database = store.database
        let first = try plan(database, group: a, start: 1_000).number
        let second = try plan(database, group: b, start: 1_000).number
        let asked = try database.write { writer in
            [
                try writer.participation.addQuestion(sessionNumber: first, groupID: a, userID: "@bo:hs", text: "Which guideline?", at: fixedDate(10)),
                try writer.participation.addQuestion(sessionNumber: second, groupID: b, userID: "@cleo:hs", text: "Is it online?", at: fixedDate(11)),
                try writer.participation.addQuestion(sessionNumber: first, groupID: a, userID: "@anna:hs", text: "Bring notes?", at: fixedDate(12)),
                try writer.participation.addQuestion(sessionNumber: nil, groupID: nil, userID: "@dan:hs", text: "When do we start?", at: fixedDate(13)),
            ]
        }
        try database.read { reader throws in
            #expect(try reader.participation.questions(first) == [asked[0], asked[2]])
            #expect(try reader.participation.questions(second).map(\.text) == ["Is it online?"])
        }
        #expect(throws: DatabaseError.self) {
            try database.write { try $0.participation.addQuestion(sessionNumber: first, groupID: a, userID: "@bo:hs", text: "", at: fixedDate(14)) }
        }
        #expect(throws: DatabaseError.self) {
            try database.write { try $0.participation.addQuestion(sessionNumber: 999, groupID: nil, userID: "@bo:hs", text: "?", at: fixedDate(14)) }
        }
        #expect(try database.read { try $0.participation.questions(first) }.count == 2)
    }

    @Test func anEditedGoalsVersionKeepsTheLinkAfterTheOutboxRowIsPruned() throws {
        let (store, a, _) = try databaseWithGroups()
        let database = store.database
        let number = try plan(database, group: a, start: 1_000).number
        let posted = try database.write { writer in
            let id = try writer.outbox.enqueue(sendAction(text: "goals"), at: fixedDate(3)).id
            try writer.sessions.setGoalsMessage(number, outboxID: id, version: 1)
            return id
        }
        try database.outbox.markSent(id: posted, eventID: "$goals", at: fixedDate(4))
        try database.write { writer in
            _ = try writer.outbox.prune(finishedBefore: fixedDate(100))
            try writer.sessions.addItem(number, kind: .goal, text: "Recognise sepsis")
            try writer.sessions.setGoalsMessage(number, outboxID: posted, version: 2)
        }
        let session = try #require(try database.read { try $0.sessions.find(forGoalsEventID: "$goals") })
        #expect(session.number == number)
        #expect(session.goalsPostedVersion == 2)
        #expect(throws: StoreError.outboxItemNotFound(id: 999)) {
            try database.write { try $0.sessions.setGoalsMessage(number, outboxID: 999, version: 3) }
        }
    }
}
