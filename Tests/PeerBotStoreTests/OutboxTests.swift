import Foundation
import Testing
@testable import PeerBotStore

@Suite struct OutboxTests {
    @Test(arguments: StoreFlavor.allCases)
    func enqueueAssignsUniqueStableTransactionIDs(flavor: StoreFlavor) throws {
        let store = try TestStore(flavor)
        let items = try store.database.write { writer in
            try (0..<50).map { try writer.outbox.enqueue(sendAction(text: "message \($0)")) }
        }
        #expect(Set(items.map(\.txnID)).count == items.count)
        for item in items {
            #expect(item.txnID.hasPrefix("pb.\(item.id)."))
        }
        // Read back, through both paths, the ids are the ones handed out at enqueue.
        let pending = try store.database.outbox.pending(limit: 100)
        #expect(pending.map(\.txnID) == items.map(\.txnID))
        let first = try store.database.read { try $0.outbox.item(id: items[0].id) }
        #expect(first?.txnID == items[0].txnID)
        // A retried item keeps its id.
        try store.database.outbox.recordAttempt(id: items[0].id, error: "HTTP 502")
        #expect(try store.database.outbox.pending(limit: 1).first?.txnID == items[0].txnID)
    }

    @Test func aRecreatedDatabaseDoesNotReuseTransactionIDs() throws {
        let first = try AppDatabase.inMemory().write { try $0.outbox.enqueue(sendAction()) }
        let second = try AppDatabase.inMemory().write { try $0.outbox.enqueue(sendAction()) }
        #expect(first.id == second.id)
        #expect(first.txnID != second.txnID)
    }

    @Test func idsKeepGrowingAfterRowsAreDeleted() throws {
        let store = try TestStore(.inMemory)
        let first = try store.database.write { try $0.outbox.enqueue(sendAction()) }
        try store.database.writer.write { try $0.execute(sql: "DELETE FROM outbox") }
        let second = try store.database.write { try $0.outbox.enqueue(sendAction()) }
        #expect(second.id > first.id)
    }

    @Test(arguments: StoreFlavor.allCases)
    func sentAndFailedItemsAreNeverPendingAgain(flavor: StoreFlavor) throws {
        let store = try TestStore(flavor)
        let database = store.database
        let items = try database.write { writer in
            try (1...4).map { try writer.outbox.enqueue(sendAction(text: "n\($0)")) }
        }
        #expect(try database.outbox.pending(limit: 10).map(\.id) == items.map(\.id))
        #expect(try database.outbox.pending(limit: 2).map(\.id) == [items[0].id, items[1].id])

        try database.outbox.markSent(id: items[0].id, eventID: "$sent1")
        try database.outbox.markFailed(id: items[1].id, reason: "M_FORBIDDEN")
        try database.outbox.recordAttempt(id: items[2].id, error: "HTTP 503")
        try database.outbox.recordAttempt(id: items[2].id, error: "timeout")

        let pending = try database.outbox.pending(limit: 20)
        #expect(pending.map(\.id) == [items[2].id, items[3].id])
        #expect(pending[0].attempts == 2)
        #expect(pending[0].lastError == "timeout")

        let (sent, failed, counts) = try database.read { reader throws in
            (try reader.outbox.item(id: items[0].id), try reader.outbox.item(id: items[1].id), try reader.outbox.counts())
        }
        #expect(sent?.state == .sent)
        #expect(sent?.eventID == "$sent1")
        #expect(failed?.state == .failed)
        #expect(failed?.lastError == "M_FORBIDDEN")
        #expect(counts == (2, 1, 1))
    }

    @Test func aFinishedItemCannotChangeAgain() throws {
        let database = try AppDatabase.inMemory()
        let item = try database.write { try $0.outbox.enqueue(sendAction()) }
        try database.outbox.markSent(id: item.id, eventID: "$e")

        #expect(throws: StoreError.outboxItemNotPending(id: item.id, state: .sent)) {
            try database.outbox.markSent(id: item.id, eventID: "$other")
        }
        #expect(throws: StoreError.outboxItemNotPending(id: item.id, state: .sent)) {
            try database.outbox.markFailed(id: item.id, reason: "late")
        }
        #expect(throws: StoreError.outboxItemNotFound(id: 999)) {
            try database.outbox.recordAttempt(id: 999, error: "x")
        }
        #expect(try database.read { try $0.outbox.item(id: item.id) }?.eventID == "$e")
    }

    @Test func everyKindOfActionRoundTrips() throws {
        let database = try AppDatabase.inMemory()
        let actions: [OutboxAction] = [
            sendAction(room: "!a:hs", text: "hej"),
            .state(roomID: "!a:hs", eventType: "m.room.topic", stateKey: "", contentJSON: #"{"topic":"Session 2"}"#),
            .state(roomID: "!a:hs", eventType: "m.room.member", stateKey: "@anna:hs", contentJSON: #"{"membership":"invite"}"#),
            .redact(roomID: "!a:hs", eventID: "$old", reason: nil),
            .redact(roomID: "!a:hs", eventID: "$older", reason: "posted by mistake"),
            .join(roomID: "!b:hs"),
            .leave(roomID: "!c:hs"),
            .invite(roomID: "!a:hs", userID: "@anna:hs"),
            .createRoom(ref: OutboxAction.roomRef("group:1"), requestJSON: #"{"name":"Gruppe A"}"#),
            .kick(roomID: "!a:hs", userID: "@bo:hs", reason: "moved to group B"),
            .sendFile(roomID: "!a:hs", fileJSON: #"{"filename":"x.csv","mimetype":"text/csv","data":"YQ=="}"#),
        ]
        let created = fixedDate(60)
        try database.write { writer in
            for action in actions {
                try writer.outbox.enqueue(action, at: created)
            }
        }
        let pending = try database.outbox.pending(limit: 20)
        #expect(pending.map(\.action) == actions)
        #expect(pending.allSatisfy { $0.state == .pending && $0.attempts == 0 && $0.createdAt == created })
    }

    @Test func pruningRemovesOnlyOldFinishedRows() throws {
        let database = try AppDatabase.inMemory()
        let items = try database.write { writer in
            try (1...4).map { try writer.outbox.enqueue(sendAction(text: "n\($0)"), at: fixedDate(0)) }
        }
        try database.outbox.markSent(id: items[0].id, eventID: "$old", at: fixedDate(10))
        try database.outbox.markFailed(id: items[1].id, reason: "M_FORBIDDEN", at: fixedDate(10))
        try database.outbox.markSent(id: items[2].id, eventID: "$recent", at: fixedDate(100))

        let removed = try database.write { try $0.outbox.prune(finishedBefore: fixedDate(50)) }
        #expect(removed == 2)
        let remaining = try database.read { reader in
            try items.compactMap { try reader.outbox.item(id: $0.id)?.id }
        }
        #expect(remaining == [items[2].id, items[3].id])
    }
}
