import Foundation
import Logging
import MatrixClient
@testable import PeerBotStore
import ServiceLifecycle
import Synchronization
import Testing
@testable import PeerBot

/// A homeserver that takes a little while over every request and notes when each one starts
/// and ends, so a test can see what overlapped.
final class TimedHomeserver: HTTPTransport {
    let inner = ScriptedHomeserver()
    private let state = Mutex<(log: [String], open: Int, most: Int)>(([], 0, 0))

    var log: [String] { state.withLock { $0.log } }
    /// The most requests that were under way at once.
    var mostAtOnce: Int { state.withLock { $0.most } }

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        let line = request.method + " " + (request.url.removingPercentEncoding ?? request.url)
        state.withLock { state in
            state.log.append("start " + line)
            state.open += 1
            state.most = max(state.most, state.open)
        }
        defer { state.withLock { $0.open -= 1 } }
        try await Task.sleep(for: .milliseconds(40))
        let response = try await inner.send(request)
        state.withLock { $0.log.append("end " + line) }
        return response
    }
}

@Suite struct OutboxParallel {
    let database = try! AppDatabase.inMemory()
    let homeserver = TimedHomeserver()

    func message(_ room: String, _ body: String) -> OutboxAction {
        .send(roomID: room, eventType: "m.room.message", contentJSON: #"{"msgtype":"m.notice","body":"\#(body)"}"#)
    }

    /// Runs the sender as the daemon does until every row is settled (or a deadline far beyond
    /// what busy cores need for a few dozen 40 ms sends: a passing run never waits for it).
    func runUntilSettled() async throws {
        let sender = OutboxSender(client: MatrixClient(homeserver: "http://hs", accessToken: "t", transport: homeserver),
                                  database: database, wakeup: Wakeup(), logger: Logger(label: "test"), botUserID: "@bot:hs")
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [.init(service: sender)], logger: Logger(label: "test")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let deadline = ContinuousClock.now + .seconds(600)
            while try database.read({ try $0.outbox.counts() }).pending > 0, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    @Test func roomsAreServedSideBySideWhileEachRoomKeepsItsOrder() async throws {
        homeserver.inner.on("/send/", #"{"event_id":"$sent"}"#)
        let rooms = (1...6).map { "!room\($0):hs" }
        try database.write { writer in
            for room in rooms {
                for body in ["first", "second"] { try writer.outbox.enqueue(message(room, body)) }
            }
        }
        try await runUntilSettled()
        #expect(try database.read { try $0.outbox.counts() }.sent == 12)
        #expect(homeserver.mostAtOnce > 1, "the rooms' rows went one after another")
        #expect(homeserver.mostAtOnce <= OutboxSender.parallelRooms)
        let log = homeserver.log
        for room in rooms {
            let lines = log.enumerated().filter { $0.element.contains("/rooms/\(room)/") }
            // One row of a room at a time: start, end, start, end.
            #expect(lines.map { $0.element.hasPrefix("start") } == [true, false, true, false], "\(room): \(lines.map(\.element))")
        }
        // Every message went once: the homeserver saw twelve sends.
        #expect(log.filter { $0.hasPrefix("start PUT") }.count == 12)
    }

    @Test func answersStillGoAheadOfBulkWork() async throws {
        homeserver.inner.on("/send/", #"{"event_id":"$sent"}"#)
        try database.write { writer in
            let before = try writer.outbox.lastID()
            for index in 1...20 { try writer.outbox.enqueue(message("!bulk\(index):hs", "bulk")) }
            try writer.outbox.markBulk(after: before)
            try writer.outbox.enqueue(message("!sup:hs", "answer"))
        }
        try await runUntilSettled()
        let sends = homeserver.log.filter { $0.hasPrefix("start PUT") }
        let answer = try #require(sends.firstIndex { $0.contains("!sup:hs") })
        #expect(answer < OutboxSender.parallelRooms, "the answer waited behind bulk work: \(answer)")
    }
}

/// Which rows may start beside those in flight.
@Suite struct OutboxLaneAdmission {
    func item(_ id: Int64, _ action: OutboxAction) -> OutboxItem {
        OutboxItem(id: id, txnID: "t\(id)", action: action, state: .pending, attempts: 0, createdAt: Date())
    }

    let messageA = OutboxAction.send(roomID: "!a:hs", eventType: "m.room.message", contentJSON: "{}")
    let messageB = OutboxAction.send(roomID: "!b:hs", eventType: "m.room.message", contentJSON: "{}")
    let creationC = OutboxAction.createRoom(ref: "ref:group:3", requestJSON: "{}")
    let creationD = OutboxAction.createRoom(ref: "ref:group:4", requestJSON: "{}")

    /// Lanes after the homeserver has taken one of each kind.
    func proven() -> SendingLanes {
        var lanes = SendingLanes()
        lanes.proven = [.message, .roomCreation, .invite, .join, .membership, .media]
        return lanes
    }

    @Test func oneRowPerRoomAndNoMoreThanTheCapacity() {
        var lanes = proven()
        lanes.inFlight["!a:hs"] = .message
        #expect(!lanes.admits(item(2, messageA), capacity: 8, serialMessages: false))
        #expect(lanes.admits(item(3, messageB), capacity: 8, serialMessages: false))
        #expect(!lanes.admits(item(3, messageB), capacity: 1, serialMessages: false))
    }

    @Test func aKindTheHomeserverLimitedGoesOneAtATime() {
        var lanes = proven()
        lanes.inFlight["ref:group:3"] = .roomCreation
        #expect(lanes.admits(item(4, creationD), capacity: 8, serialMessages: false))
        lanes.limited.insert(.roomCreation)
        #expect(!lanes.admits(item(4, creationD), capacity: 8, serialMessages: false))
        // Other kinds are not held back by it.
        #expect(lanes.admits(item(5, messageB), capacity: 8, serialMessages: false))
        lanes.inFlight = [:]
        #expect(lanes.admits(item(4, creationD), capacity: 8, serialMessages: false))
    }

    @Test func anEncryptionDeviceSendsOneMessageAtATimeButCreatesRoomsBesideIt() {
        var lanes = proven()
        lanes.inFlight["!a:hs"] = .message
        #expect(!lanes.admits(item(2, messageB), capacity: 8, serialMessages: true))
        #expect(lanes.admits(item(2, messageB), capacity: 8, serialMessages: false))
        #expect(lanes.admits(item(3, creationC), capacity: 8, serialMessages: true))
    }

    @Test func aKindNotYetTakenSinceTheStartGoesOneAtATime() {
        var lanes = SendingLanes()
        lanes.inFlight["ref:group:3"] = .roomCreation
        #expect(!lanes.admits(item(4, creationD), capacity: 8, serialMessages: false))
        #expect(lanes.admits(item(5, messageB), capacity: 8, serialMessages: false))
        lanes.proven.insert(.roomCreation)
        #expect(lanes.admits(item(4, creationD), capacity: 8, serialMessages: false))
    }

    @Test func aRoomWhoseRowFinishedDuringTheReadWaitsForTheNextRead() {
        var lanes = proven()
        lanes.releasedDuringRead.insert("!a:hs")
        #expect(!lanes.admits(item(1, messageA), capacity: 8, serialMessages: false))
        #expect(lanes.admits(item(2, messageB), capacity: 8, serialMessages: false))
    }
}
