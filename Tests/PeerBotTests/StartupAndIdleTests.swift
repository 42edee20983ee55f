import Foundation
import Logging
import MatrixClient
import PeerBotStore
import PeerLearning
import ServiceLifecycle
import Synchronization
import Testing
@testable import PeerBot

/// A homeserver that answers everything at once except the sync long-poll, which it holds for
/// an hour; it notes when a long-poll is under way.
final class HeldLongPoll: HTTPTransport {
    let inner: ScriptedHomeserver
    private let held = Mutex(false)
    var holding: Bool { held.withLock { $0 } }

    init(_ inner: ScriptedHomeserver) { self.inner = inner }

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        if request.url.contains("/sync"), request.url.contains("timeout=30000") {
            held.withLock { $0 = true }
            try await Task.sleep(for: .seconds(3600))
        }
        return try await inner.send(request)
    }
}

/// A restarted bot reports READY after catching up, not after a long-poll's 30 s; and after a
/// quiet spell it gives its caches back once, without losing what it stored.
@Suite struct StartupAndIdle {
    let database = try! AppDatabase.inMemory()
    let homeserver = ScriptedHomeserver()

    func syncService(transport: (any HTTPTransport)? = nil) -> SyncService {
        let config = BotConfig(homeserver: "http://hs", userID: "@bot:hs", accessToken: Secret("t"), supervisors: ["@sup:hs"],
                               databasePath: ":memory:", timeZone: ZoneRules.named("Europe/Copenhagen")!)
        let holder = ConfigHolder(config)
        let client = MatrixClient(homeserver: "http://hs", accessToken: "t", transport: transport ?? homeserver)
        let logger = Logger(label: "test")
        return SyncService(client: client, database: database, config: holder,
                           provisioner: RoomProvisioner(client: client, database: database, config: holder, logger: logger),
                           outbox: Wakeup(), imports: Wakeup(), heartbeat: Heartbeat(), notifier: SystemdNotifier(environment: [:]), logger: logger)
    }

    func syncTimeouts() -> [String] {
        homeserver.requests.filter { $0.url.contains("/sync") }.compactMap { request in
            URLComponents(string: request.url)?.queryItems?.first { $0.name == "timeout" }?.value
        }
    }

    @Test func theFirstRoundAfterARestartIsAnsweredAtOnceAndLaterRoundsLongPoll() async throws {
        try database.write { try $0.sync.setToken("s1") }
        homeserver.on("/sync", #"{"next_batch":"s2"}"#)
        let sync = syncService()
        _ = try await sync.syncOnce(wait: false)
        _ = try await sync.syncOnce()
        #expect(syncTimeouts() == ["0", "30000"])
        #expect(try database.read { try $0.sync.token() } == "s2")
    }

    @Test func aFirstStartNeverWaitsEvenWhenAskedTo() async throws {
        homeserver.on("/sync", #"{"next_batch":"s1"}"#)
        _ = try await syncService().syncOnce(wait: true)
        #expect(syncTimeouts() == ["0"])
    }

    /// SIGTERM while the bot waits in the long-poll: the sync service ends the wait itself. The
    /// group here has no time limit, so a wait it did not end would last the hour the homeserver
    /// holds it (the daemon's group limit, `BotRuntime.gracefulShutdownLimit`, is a backstop only).
    @Test(.timeLimit(.minutes(10))) func aGracefulShutdownEndsTheLongPollWithoutWaitingForIt() async throws {
        try database.write { try $0.rooms.upsert(RoomRecord(roomID: "!sup:hs", kind: .supervisor, language: nil, groupName: nil, userID: nil,
                                                            joinedAt: Date(timeIntervalSince1970: 1))) }
        homeserver.on("/account/whoami", #"{"user_id":"@bot:hs"}"#)
        homeserver.on("/sync", #"{"next_batch":"s2"}"#)
        let transport = HeldLongPoll(homeserver)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [.init(service: syncService(transport: transport))],
                                                                          logger: Logger(label: "test")))
        async let running: Void = group.run()
        while !transport.holding { try await Task.sleep(for: .milliseconds(10)) }
        await group.triggerGracefulShutdown()
        try await running
        #expect(try database.read { try $0.sync.token() } == "s2", "the catch-up round before the long-poll was not committed")
    }

    @Test func memoryIsReleasedOncePerQuietSpell() {
        let start = ContinuousClock.now
        let idle = IdleMemoryRelease(database: database, quiet: .seconds(5), now: start)
        #expect(!idle.claimRelease(at: start + .seconds(4)))
        #expect(idle.claimRelease(at: start + .seconds(5)))
        #expect(!idle.claimRelease(at: start + .seconds(60)))
        idle.noteActivity(at: start + .seconds(61))
        #expect(!idle.claimRelease(at: start + .seconds(63)))
        #expect(idle.claimRelease(at: start + .seconds(66)))
    }

    @Test(arguments: [false, true]) func aReleaseKeepsWhatWasStoredAndTheNextWriteWorks(inFile: Bool) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-idle-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let database = inFile ? try AppDatabase(path: folder + "/peerbot.sqlite") : self.database
        try database.write { try $0.sync.setToken("s1") }
        #expect(try database.read { try $0.sync.token() } == "s1")
        IdleMemoryRelease(database: database).release()
        #expect(try database.read { try $0.sync.token() } == "s1")
        try database.write { try $0.sync.setToken("s2") }
        #expect(try database.read { try $0.sync.token() } == "s2")
    }
}
