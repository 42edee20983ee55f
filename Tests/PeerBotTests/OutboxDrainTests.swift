import Foundation
import Logging
import MatrixClient
import PeerBotStore
import ServiceLifecycle
import Testing
@testable import PeerBot

/// A homeserver that takes its time over every request, as a real one does, and notices when
/// the request is given up (cancelled).
final class SlowHomeserver: HTTPTransport {
    let inner: ScriptedHomeserver
    let delay: Duration

    init(_ inner: ScriptedHomeserver, delay: Duration) {
        self.inner = inner
        self.delay = delay
    }

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        try await Task.sleep(for: delay)
        return try await inner.send(request)
    }
}

@Suite struct OutboxDrainOnShutdown {
    let database = try! AppDatabase.inMemory()
    let homeserver = ScriptedHomeserver()

    func sender(delay: Duration, budget: Duration = OutboxSender.drainBudget) -> OutboxSender {
        OutboxSender(client: MatrixClient(homeserver: "http://hs", accessToken: "t", transport: SlowHomeserver(homeserver, delay: delay)),
                     database: database, wakeup: Wakeup(), logger: Logger(label: "test"), botUserID: "@bot:hs", drainBudget: budget)
    }

    func answers(_ count: Int) throws -> [Int64] {
        try database.write { writer in
            try (1...count).map { try writer.outbox.enqueue(.send(roomID: "!r:hs", eventType: "m.room.message",
                                                                  contentJSON: #"{"msgtype":"m.notice","body":"svar \#($0)"}"#)).id }
        }
    }

    /// Runs the sender in a group the way the daemon does, shut down as SIGTERM would right away.
    func runShutDownAtOnce(_ sender: OutboxSender, limit: Duration = BotRuntime.gracefulShutdownLimit) async throws {
        var configuration = ServiceGroupConfiguration(services: [.init(service: sender)], logger: Logger(label: "test"))
        configuration.maximumGracefulShutdownDuration = limit
        let group = ServiceGroup(configuration: configuration)
        async let running: Void = group.run()
        await group.triggerGracefulShutdown()
        try await running
    }

    @Test func theAnswersAlreadyQueuedAreSentBeforeTheOutboxStops() async throws {
        homeserver.on("PUT /_matrix/client/v3/rooms/!r:hs/send/", #"{"event_id":"$sent"}"#)
        let queued = try answers(3)
        // The budget and the group's limit are far beyond the three 50 ms sends: on a machine
        // whose cores are busy with other work, the default 3 s could pass before the third send
        // starts, and what this test proves is the drain, not the budget (the test below does).
        try await runShutDownAtOnce(sender(delay: .milliseconds(50), budget: .seconds(120)), limit: .seconds(180))
        let states = try database.read { reader in try queued.map { try reader.outbox.item(id: $0)?.state } }
        #expect(states == [.sent, .sent, .sent])
        #expect(homeserver.requests.count == 3)
    }

    @Test func aHomeserverThatDoesNotAnswerKeepsTheRowForTheRestart() async throws {
        homeserver.on("PUT /_matrix/client/v3/rooms/!r:hs/send/", #"{"event_id":"$sent"}"#)
        let queued = try answers(1)
        // The send hangs past the drain budget; the group's limit cancels it and the run ends.
        try await runShutDownAtOnce(sender(delay: .seconds(3600), budget: .milliseconds(100)), limit: .milliseconds(300))
        #expect(try database.read { try $0.outbox.item(id: queued[0]) }?.state == .pending)
        #expect(homeserver.requests.isEmpty)
    }
}
