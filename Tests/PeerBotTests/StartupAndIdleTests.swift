import Foundation
import Logging
import MatrixClient
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

/// A restarted bot reports READY after catching up, not after a long-poll's 30 s; and after a
/// quiet spell it gives its caches back once, without losing what it stored.
@Suite struct StartupAndIdle {
    let database = try! AppDatabase.inMemory()
    let homeserver = ScriptedHomeserver()

    func syncService() -> SyncService {
        let config = BotConfig(homeserver: "http://hs", userID: "@bot:hs", accessToken: Secret("t"), supervisors: ["@sup:hs"],
                               databasePath: ":memory:", timeZone: ZoneRules.named("Europe/Copenhagen")!)
        let holder = ConfigHolder(config)
        let client = MatrixClient(homeserver: "http://hs", accessToken: "t", transport: homeserver)
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
