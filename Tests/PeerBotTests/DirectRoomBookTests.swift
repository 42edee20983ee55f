import Foundation
import Synchronization
import Testing
@testable import PeerBot

/// The bot's `m.direct` list, written whole: rooms made at the same time lose none of each other.
@Suite struct DirectRoomBookTests {
    /// A stand-in for the account data: the document, the writes made, and how many ran at once.
    final class AccountData: Sendable {
        let state = Mutex<(rooms: [String: [String]], writes: Int, open: Int, most: Int, failNext: Bool)>(([:], 0, 0, 0, false))

        func write(_ additions: [(userID: String, roomID: String)]) async throws {
            let fail = state.withLock { state -> Bool in
                state.open += 1
                state.most = max(state.most, state.open)
                defer { state.failNext = false }
                return state.failNext
            }
            defer { state.withLock { $0.open -= 1 } }
            try await Task.sleep(for: .milliseconds(20))
            if fail { throw CancellationError() }
            state.withLock { state in
                state.writes += 1
                for (userID, roomID) in additions where !(state.rooms[userID] ?? []).contains(roomID) {
                    state.rooms[userID, default: []].append(roomID)
                }
            }
        }
    }

    @Test func roomsMadeTogetherAreAllListedInFewerWritesThanRooms() async throws {
        let book = DirectRoomBook()
        let data = AccountData()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<12 {
                group.addTask { try await book.remember("!d\(index):hs", with: "@s\(index):hs", write: data.write) }
            }
            try await group.waitForAll()
        }
        let state = data.state.withLock { $0 }
        #expect(state.rooms.count == 12)
        #expect((0..<12).allSatisfy { state.rooms["@s\($0):hs"] == ["!d\($0):hs"] })
        #expect(state.most == 1, "two writes of the whole document overlapped")
        #expect(state.writes < 12)
    }

    @Test func aFailedWriteFailsItsCallerAndTheRoomGoesInTheNextOne() async throws {
        let book = DirectRoomBook()
        let data = AccountData()
        data.state.withLock { $0.failNext = true }
        await #expect(throws: CancellationError.self) {
            try await book.remember("!first:hs", with: "@a:hs", write: data.write)
        }
        try await book.remember("!second:hs", with: "@b:hs", write: data.write)
        let rooms = data.state.withLock { $0.rooms }
        #expect(rooms == ["@a:hs": ["!first:hs"], "@b:hs": ["!second:hs"]])
    }
}
