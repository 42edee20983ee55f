import Foundation
import MatrixClient
import PeerBot

/// `ingest`: events per second of a recorded `/sync` body through decode → route → store, no network.
struct IngestBench {
    static let defaultInput = "../shared/bench/sync-10k.json"
    /// The supervisor of the benchmark deployment: none of the recorded senders.
    static let supervisor = "@supervisor:example.org"
    static let botUserID = "@peerbot:example.org"
    /// Issue 19: the whole path, plain stream, median of the runs.
    static let target = 100_000.0
    /// Issue 19: the same stream encrypted, decrypt → route → store, median of the runs.
    static let encryptedTarget = 30_000.0

    let input: String
    let runs: Int
    let withLogs: Bool
    let json: Bool
    /// The Python interpreter and script of the matrix-nio reference; nil leaves it out.
    let nioPython: String?
    let nioScript: String
    let nioRuns: Int
    /// Whether the encrypted variant runs too (`--plain-only` leaves it out).
    let encrypted: Bool
    /// `--encrypted-only`: the plain runs left out, for profiling the encrypted path alone.
    let encryptedOnly: Bool

    init(arguments: inout Arguments) throws {
        input = try arguments.option("input") ?? Self.defaultInput
        runs = try arguments.count("runs", default: 5)
        withLogs = arguments.flag("with-logs")
        json = arguments.flag("json")
        nioPython = try arguments.option("nio-python")
        nioScript = try arguments.option("nio-script") ?? "scripts/nio_ingest_bench.py"
        nioRuns = try arguments.count("nio-runs", default: 3)
        encrypted = !arguments.flag("plain-only")
        encryptedOnly = arguments.flag("encrypted-only")
        try arguments.finish()
        if encryptedOnly, !encrypted { throw BenchError.usage("--plain-only and --encrypted-only exclude each other") }
    }

    func run() async throws {
        guard let body = FileManager.default.contents(atPath: input) else { throw BenchError.unreadable(path: input) }
        // The bot logs one info line per answered command; by default they are left out of the figures.
        BotLogging.bootstrap(level: withLogs ? .info : .warning)
        let shape = try InputShape(MatrixClient.decodeSync(body))
        var results: [IngestRun] = []
        for index in 1...runs where !encryptedOnly {
            let result = try IngestRun.measure(body: body, shape: shape)
            results.append(result)
            if !json { print("run \(index): \(result.line)") }
        }
        let secret = encrypted ? try await encryptedRuns(body: body, shape: shape) : nil
        if encryptedOnly, let secret { return json ? try Figures.printJSON(secret) : secret.printSummary(plainHandled: nil) }
        let nio = try nioPython.map { try NioReference.measure(python: $0, script: nioScript, input: input, runs: nioRuns) }
        let report = IngestReport(input: input, bytes: body.count, shape: shape, runs: results, withLogs: withLogs, encrypted: secret, nio: nio)
        if json { return try Figures.printJSON(report) }
        report.printSummary()
    }

    /// The encrypted variant: the bot's device and the encrypted stream made once, then the runs.
    private func encryptedRuns(body: Data, shape: InputShape) async throws -> EncryptedIngestReport {
        let clock = ContinuousClock()
        let started = clock.now
        let fixture = try await EncryptedFixture.prepare(plain: body, shape: shape)
        defer { fixture.remove() }
        let madeMs = (clock.now - started).ms
        if !json {
            print("encrypted stream: \(fixture.stream.roomKeys) room keys from \(fixture.stream.olmSessions) sender devices, "
                  + "\(fixture.stream.body.count / 1000) kB, made in \(Figures.format(madeMs, digits: 0)) ms")
        }
        var results: [EncryptedIngestRun] = []
        for index in 1...runs {
            let result = try await EncryptedIngestRun.measure(fixture, shape: shape)
            results.append(result)
            if !json { print("encrypted run \(index): \(result.line)") }
        }
        return EncryptedIngestReport(bytes: fixture.stream.body.count, senderDevices: fixture.stream.olmSessions, runs: results)
    }
}

/// What the recorded body holds, read once before the timed runs.
struct InputShape: Sendable {
    let roomIDs: [String]
    let events: Int
    let senders: Set<String>
    let earliest: Date

    init(_ sync: SyncResponse) throws {
        roomIDs = sync.rooms.join.keys.sorted()
        let all = sync.rooms.join.values.flatMap(\.timeline.events)
        guard let first = all.map(\.originServerTS).min() else {
            throw BenchError.unexpected("the input holds no timeline events")
        }
        events = all.count
        senders = Set(all.map(\.sender))
        earliest = Date(timeIntervalSince1970: Double(first) / 1000)
    }

    /// Rooms are joined a day before their first event, so every event is new to the bot.
    var joinedAt: Date { earliest.addingTimeInterval(-86_400) }
}
