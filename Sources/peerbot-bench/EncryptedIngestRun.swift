import Foundation
import MatrixClient
import PeerBot
import PeerBotStore

/// What every encrypted run starts from: the bot's device account (made and published once) and
/// the recorded sync encrypted for it.
struct EncryptedFixture {
    static let deviceID = "BENCHBOT"
    let directory: URL
    let pickleKeyPath: String
    let accountPickle: String
    let published: (oneTime: [String], fallback: String?)
    let stream: EncryptedStream

    /// Makes the bot's device as `peerbot run` does on a first start, then the encrypted stream.
    static func prepare(plain body: Data, shape: InputShape) async throws -> EncryptedFixture {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-bench-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let pickleKeyPath = directory.appendingPathComponent("pickle_key").path
        var key = [UInt8](repeating: 0, count: 32)
        for index in key.indices { key[index] = UInt8.random(in: 0...255) }
        guard FileManager.default.createFile(atPath: pickleKeyPath, contents: Data(key), attributes: [.posixPermissions: 0o600]) else {
            throw BenchError.unexpected("cannot write \(pickleKeyPath)")
        }
        let path = directory.appendingPathComponent("account.sqlite").path
        let database = try AppDatabase(path: path)
        let server = LocalKeyServer(userID: IngestBench.botUserID, deviceID: deviceID)
        guard let device = try await start(database: database, path: path, pickleKeyPath: pickleKeyPath, server: server),
              let account = try database.read({ try $0.keys.account() }) else {
            throw BenchError.unexpected("the bot made no encryption device")
        }
        let keys = server.claimableKeys
        let recipient = EncryptedStream.Recipient(userID: IngestBench.botUserID, curve25519: device.curve25519, ed25519: device.ed25519,
                                                  oneTimeKeys: keys.oneTime, fallbackKey: keys.fallback)
        let stream = try EncryptedStream.make(from: body, for: recipient)
        return EncryptedFixture(directory: directory, pickleKeyPath: pickleKeyPath, accountPickle: account.pickle,
                                published: keys, stream: stream)
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    static func start(database: AppDatabase, path: String, pickleKeyPath: String, server: LocalKeyServer) async throws -> BotDevice? {
        var config = IngestRun.benchConfig(databasePath: path)
        config.pickleKeyFile = pickleKeyPath
        let client = MatrixClient(homeserver: config.homeserver, accessToken: "unused", transport: server)
        return try await BotDevice.start(config: config, database: database, client: client)
    }
}

/// One timed run of the encrypted ingest on a fresh on-disk database holding the bot's account:
/// decode the body, take the room keys from its to-device events, then decrypt → route → store.
struct EncryptedIngestRun: Encodable {
    let events: Int
    let handled: Int
    let roomKeys: Int
    let decodeMs: Double
    let keysMs: Double
    let ingestMs: Double
    let outboxQueued: Int
    /// CPU time of the whole process (every thread) over decode and decrypt + ingest: on a
    /// loaded machine the wall time also holds the waits for a core.
    let cpuMs: Double
    /// The measured path: decode → decrypt → route → store → outbox rows, the keys already held.
    var pathMs: Double { decodeMs + ingestMs }
    var totalMs: Double { decodeMs + keysMs + ingestMs }
    var eventsPerSecond: Double { Double(events) / (pathMs / 1000) }
    var eventsPerSecondWithKeys: Double { Double(events) / (totalMs / 1000) }
    /// Events per second of CPU time (all cores together).
    var eventsPerCPUSecond: Double { Double(events) / (cpuMs / 1000) }

    enum CodingKeys: String, CodingKey {
        case events, handled, roomKeys = "room_keys", decodeMs = "decode_ms", keysMs = "room_keys_ms", ingestMs = "ingest_ms"
        case eventsPerSecond = "events_per_second", eventsPerSecondWithKeys = "events_per_second_with_keys", outboxQueued = "outbox_queued"
        case cpuMs = "cpu_ms", eventsPerCPUSecond = "events_per_cpu_second"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(events, forKey: .events)
        try c.encode(handled, forKey: .handled)
        try c.encode(roomKeys, forKey: .roomKeys)
        try c.encode(Figures.rounded(decodeMs), forKey: .decodeMs)
        try c.encode(Figures.rounded(keysMs), forKey: .keysMs)
        try c.encode(Figures.rounded(ingestMs), forKey: .ingestMs)
        try c.encode(eventsPerSecond.rounded(), forKey: .eventsPerSecond)
        try c.encode(eventsPerSecondWithKeys.rounded(), forKey: .eventsPerSecondWithKeys)
        try c.encode(outboxQueued, forKey: .outboxQueued)
        try c.encode(Figures.rounded(cpuMs), forKey: .cpuMs)
        try c.encode(eventsPerCPUSecond.rounded(), forKey: .eventsPerCPUSecond)
    }

    var line: String {
        "decode \(Figures.format(decodeMs)) ms, \(roomKeys) room keys \(Figures.format(keysMs)) ms, "
            + "decrypt + ingest \(Figures.format(ingestMs)) ms, \(Figures.format(eventsPerSecond, digits: 0)) events/s "
            + "(\(Figures.format(eventsPerSecondWithKeys, digits: 0)) with the keys), \(outboxQueued) outbox rows queued, "
            + "CPU \(Figures.format(cpuMs)) ms (\(Figures.format(eventsPerCPUSecond, digits: 0)) events per CPU second)"
    }

    static func measure(_ fixture: EncryptedFixture, shape: InputShape) async throws -> EncryptedIngestRun {
        let directory = fixture.directory.appendingPathComponent("run-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("peerbot.sqlite").path
        let database = try AppDatabase(path: path)
        try IngestRun.seed(database, shape: shape)
        try database.write { writer in
            try writer.keys.createAccount(deviceID: EncryptedFixture.deviceID, pickle: fixture.accountPickle, at: shape.joinedAt)
            for roomID in shape.roomIDs {
                try writer.devices.setRoomEncrypted(roomID, algorithm: BenchDeviceKeys.megolm, rotationPeriodMs: nil, rotationPeriodMsgs: nil, at: shape.joinedAt)
            }
        }
        let server = LocalKeyServer(userID: IngestBench.botUserID, deviceID: EncryptedFixture.deviceID, keys: fixture.published)
        guard let device = try await EncryptedFixture.start(database: database, path: path, pickleKeyPath: fixture.pickleKeyPath, server: server) else {
            throw BenchError.unexpected("the bot did not open its encryption device")
        }
        var config = IngestRun.benchConfig(databasePath: path)
        config.pickleKeyFile = fixture.pickleKeyPath

        let clock = ContinuousClock()
        let start = clock.now
        let cpuStart = processCPUMs()
        let sync = try MatrixClient.decodeSync(fixture.stream.body)
        let decoded = clock.now
        let cpuDecoded = processCPUMs()
        let stored = await device.receive(sync.encryption.toDevice)
        let keyed = clock.now
        let cpuKeyed = processCPUMs()
        let outcome = try BatchIngestor(database: database).ingest(sync, firstSync: false, config: config, keyring: device.keyring)
        let ingested = clock.now
        let cpuMs = (cpuDecoded - cpuStart) + (processCPUMs() - cpuKeyed)

        let queued = try database.read { try $0.outbox.counts().pending }
        return EncryptedIngestRun(events: outcome.events, handled: outcome.handled, roomKeys: stored, decodeMs: (decoded - start).ms,
                                  keysMs: (keyed - decoded).ms, ingestMs: (ingested - keyed).ms, outboxQueued: queued, cpuMs: cpuMs)
    }
}

/// CPU time used by the whole process so far, in milliseconds.
func processCPUMs() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return Double(now.tv_sec) * 1000 + Double(now.tv_nsec) / 1_000_000
}

/// The encrypted runs' figures beside the plain ones.
struct EncryptedIngestReport: Encodable {
    let bytes: Int
    let senderDevices: Int
    let runs: [EncryptedIngestRun]

    var medianEventsPerSecond: Double { Figures.median(runs.map(\.eventsPerSecond)) }
    var medianWithKeys: Double { Figures.median(runs.map(\.eventsPerSecondWithKeys)) }
    var medianKeysMs: Double { Figures.median(runs.map(\.keysMs)) }
    var medianPerCPUSecond: Double { Figures.median(runs.map(\.eventsPerCPUSecond)) }
    var meetsTarget: Bool { medianEventsPerSecond >= IngestBench.encryptedTarget }

    enum CodingKeys: String, CodingKey {
        case bytes, senderDevices = "sender_devices", runs, medianEventsPerSecond = "median_events_per_second"
        case medianWithKeys = "median_events_per_second_with_keys", medianKeysMs = "median_room_keys_ms"
        case target = "target_events_per_second", meetsTarget = "meets_target"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(bytes, forKey: .bytes)
        try c.encode(senderDevices, forKey: .senderDevices)
        try c.encode(runs, forKey: .runs)
        try c.encode(medianEventsPerSecond.rounded(), forKey: .medianEventsPerSecond)
        try c.encode(medianWithKeys.rounded(), forKey: .medianWithKeys)
        try c.encode(Figures.rounded(medianKeysMs), forKey: .medianKeysMs)
        try c.encode(IngestBench.encryptedTarget, forKey: .target)
        try c.encode(meetsTarget, forKey: .meetsTarget)
    }

    /// `plainHandled`: the commands the plain runs answered, which the encrypted ones must match
    /// (nil when the plain runs were left out).
    func printSummary(plainHandled: Int?) {
        let handled = runs.map(\.handled).sorted()[runs.count / 2]
        let keys = runs.map(\.roomKeys).sorted()[runs.count / 2]
        print("  encrypted: \(keys) room keys by Olm from \(senderDevices) sender devices taken in \(Figures.format(medianKeysMs)) ms (median), "
              + "then \(handled) commands answered (plain: \(plainHandled.map(String.init) ?? "not run"))")
        print("  encrypted ingest: \(Figures.format(medianEventsPerSecond, digits: 0)) events/s (median; decode → decrypt → route → store), "
              + "target ≥ \(Figures.format(IngestBench.encryptedTarget, digits: 0)): \(meetsTarget && handled == (plainHandled ?? handled) ? "met" : "not met")")
        print("  encrypted, per CPU second: \(Figures.format(medianPerCPUSecond, digits: 0)) events (median; all threads' CPU time, no target)")
        print("  encrypted, room keys included: \(Figures.format(medianWithKeys, digits: 0)) events/s (median; no target)")
        if let plainHandled, handled != plainHandled { print("  warning: the encrypted runs answered \(handled) commands, the plain ones \(plainHandled)") }
    }
}
