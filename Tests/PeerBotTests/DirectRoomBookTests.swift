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
        // The first update is held until the other eleven rooms wait, as a slow homeserver would
        // hold it: on busy cores the callers could otherwise arrive one by one after each write.
        let held = Mutex(true)
        let write: @Sendable ([(userID: String, roomID: String)]) async throws -> Void = { pairs in
            if held.withLock({ first in defer { first = false }; return first }) {
                while await book.waiting < 11 { try await Task.sleep(for: .milliseconds(2)) }
            }
            try await data.write(pairs)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<12 {
                group.addTask { try await book.remember("!d\(index):hs", with: "@s\(index):hs", write: write) }
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

    /// Two rooms noted while an update runs go out together in the next one; when that one
    /// fails, neither caller is told its room was written unless a later update wrote it.
    @Test func noCallerHearsItsRoomWasWrittenBeforeItWas() async throws {
        let book = DirectRoomBook()
        let state = Mutex<(calls: Int, written: Set<String>, released: Bool)>((0, [], false))
        let write: @Sendable ([(userID: String, roomID: String)]) async throws -> Void = { pairs in
            let call = state.withLock { state -> Int in
                state.calls += 1
                return state.calls
            }
            // The first update waits until both other rooms are noted; the second fails.
            while call == 1, !state.withLock({ $0.released }) { try await Task.sleep(for: .milliseconds(2)) }
            if call == 2 { throw CancellationError() }
            state.withLock { state in for pair in pairs { state.written.insert(pair.roomID) } }
        }
        async let first: Void = book.remember("!x:hs", with: "@x:hs", write: write)
        while state.withLock({ $0.calls }) == 0 { try await Task.sleep(for: .milliseconds(2)) }
        async let a = Result(catching: { try await book.remember("!a:hs", with: "@a:hs", write: write) })
        async let b = Result(catching: { try await book.remember("!b:hs", with: "@b:hs", write: write) })
        while await book.waiting < 2 { try await Task.sleep(for: .milliseconds(2)) }
        state.withLock { $0.released = true }
        try await first
        let outcomes = await [("!a:hs", a), ("!b:hs", b)]
        let written = state.withLock { $0.written }
        #expect(written.contains("!x:hs"))
        for (room, outcome) in outcomes {
            if case .success = outcome { #expect(written.contains(room), "\(room) was reported written before any update wrote it") }
        }
        #expect(outcomes.contains { if case .failure = $0.1 { true } else { false } }, "the failed update was reported to nobody")
    }
}

extension Result where Failure == any Error {
    /// The outcome of an async call, kept to be checked later.
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
