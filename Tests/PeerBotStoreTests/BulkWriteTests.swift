import Foundation
import Testing
@testable import PeerBotStore

@Suite struct BulkWriteTests {
    @Test(arguments: StoreFlavor.allCases)
    func aLargeSyncBatchCommitsInOneTransaction(flavor: StoreFlavor) throws {
        let store = try TestStore(flavor)
        let database = store.database
        let newEvents = try database.write { writer in
            var newEvents = 0
            for index in 0..<10_000 {
                let eventID = "$event\(index)"
                if try !writer.sync.isProcessed(eventID: eventID) {
                    try writer.sync.markProcessed(eventID: eventID, roomID: "!r\(index % 7):hs", at: fixedDate(0))
                    newEvents += 1
                }
                if index % 10 == 0 {
                    try writer.outbox.enqueue(sendAction(room: "!r\(index % 7):hs", text: "reply \(index)"))
                }
            }
            try writer.sync.setToken("after-bulk")
            return newEvents
        }
        #expect(newEvents == 10_000)
        try database.read { reader throws in
            #expect(try reader.outbox.counts() == (1_000, 0, 0))
            #expect(try reader.sync.isProcessed(eventID: "$event9999"))
            #expect(try reader.sync.token() == "after-bulk")
        }
        let pending = try database.outbox.pending(limit: 2_000)
        #expect(Set(pending.map(\.txnID)).count == 1_000)
    }
}
