import Foundation

/// The ingest benchmark's figures: every run and the medians.
struct IngestReport: Encodable {
    let input: String
    let bytes: Int
    let rooms: Int
    let events: Int
    let senders: Int
    let build: String
    let withLogs: Bool
    let runs: [IngestRun]
    /// The matrix-nio bot's figure for the same input, measured right after the runs.
    let nio: NioReference?
    /// The same stream encrypted; nil with `--plain-only`.
    let encrypted: EncryptedIngestReport?
    let rosterNote = "every sender is on the roster and in the group of one of the rooms, so commands route as students"

    init(input: String, bytes: Int, shape: InputShape, runs: [IngestRun], withLogs: Bool, encrypted: EncryptedIngestReport?, nio: NioReference?) {
        self.nio = nio
        self.encrypted = encrypted
        self.input = input
        self.bytes = bytes
        rooms = shape.roomIDs.count
        events = shape.events
        senders = shape.senders.count
        build = Figures.buildConfiguration
        self.withLogs = withLogs
        self.runs = runs
    }

    var medianDecodeMs: Double { Figures.median(runs.map(\.decodeMs)) }
    var medianIngestMs: Double { Figures.median(runs.map(\.ingestMs)) }
    var medianTotalMs: Double { Figures.median(runs.map(\.totalMs)) }
    var medianEventsPerSecond: Double { Figures.median(runs.map(\.eventsPerSecond)) }
    var bestEventsPerSecond: Double { runs.map(\.eventsPerSecond).max() ?? .nan }
    var meetsTarget: Bool { medianEventsPerSecond >= IngestBench.target }
    /// peerbot's median over the nio bot's median.
    var nioRatio: Double? { nio.map { medianEventsPerSecond / $0.medianEventsPerSecond } }

    enum CodingKeys: String, CodingKey {
        case input, bytes, rooms, events, senders, build, withLogs = "with_logs", runs, rosterNote = "roster_note"
        case medianDecodeMs = "median_decode_ms", medianIngestMs = "median_ingest_ms", medianTotalMs = "median_total_ms"
        case medianEventsPerSecond = "median_events_per_second", bestEventsPerSecond = "best_events_per_second", target = "target_events_per_second", meetsTarget = "meets_target"
        case nio = "nio_reference", nioRatio = "ratio_to_nio", encrypted
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(input, forKey: .input)
        try c.encode(bytes, forKey: .bytes)
        try c.encode(rooms, forKey: .rooms)
        try c.encode(events, forKey: .events)
        try c.encode(senders, forKey: .senders)
        try c.encode(build, forKey: .build)
        try c.encode(withLogs, forKey: .withLogs)
        try c.encode(runs, forKey: .runs)
        try c.encode(rosterNote, forKey: .rosterNote)
        try c.encode(Figures.rounded(medianDecodeMs), forKey: .medianDecodeMs)
        try c.encode(Figures.rounded(medianIngestMs), forKey: .medianIngestMs)
        try c.encode(Figures.rounded(medianTotalMs), forKey: .medianTotalMs)
        try c.encode(medianEventsPerSecond.rounded(), forKey: .medianEventsPerSecond)
        try c.encode(bestEventsPerSecond.rounded(), forKey: .bestEventsPerSecond)
        try c.encode(IngestBench.target, forKey: .target)
        try c.encode(meetsTarget, forKey: .meetsTarget)
        try c.encodeIfPresent(encrypted, forKey: .encrypted)
        try c.encodeIfPresent(nio, forKey: .nio)
        try c.encodeIfPresent(nioRatio.map { Figures.rounded($0) }, forKey: .nioRatio)
    }

    func printSummary() {
        let megabytes = Figures.format(Double(bytes) / 1_000_000, digits: 2)
        print("ingest: \(input) (\(megabytes) MB), \(events) events in \(rooms) rooms, \(runs.count) runs, \(build) build")
        print("  store: fresh on-disk database per run, \(rooms) group rooms seeded, joined a day before the first event")
        print("  note: \(rosterNote) (\(senders) distinct senders)")
        print("  bot log lines: \(withLogs ? "info, to stderr" : "off (warning level)")")
        print("  median events          \(runs.map(\.events).sorted()[runs.count / 2])")
        print("  median decode ms       \(Figures.format(medianDecodeMs))")
        print("  median ingest ms       \(Figures.format(medianIngestMs))")
        print("  median total ms        \(Figures.format(medianTotalMs))")
        print("  median events/s        \(Figures.format(medianEventsPerSecond, digits: 0)) (total: decode + ingest)")
        print("  best events/s          \(Figures.format(bestEventsPerSecond, digits: 0)) (fastest run)")
        print("  outbox rows queued     \(runs.map(\.outboxQueued).sorted()[runs.count / 2]) (commands answered: \(runs.map(\.handled).sorted()[runs.count / 2]))")
        print("  plain, per CPU second: \(Figures.format(Figures.median(runs.map(\.eventsPerCPUSecond)), digits: 0)) events (median; no target)")
        print("  plain ingest: \(Figures.format(medianEventsPerSecond, digits: 0)) events/s (median), target ≥ \(Figures.format(IngestBench.target, digits: 0)): \(meetsTarget ? "met" : "not met")")
        if let encrypted {
            encrypted.printSummary(plainHandled: runs.map(\.handled).sorted()[runs.count / 2])
        } else {
            print("  encrypted ingest: not run (--plain-only), target ≥ \(Figures.format(IngestBench.encryptedTarget, digits: 0)): not met")
        }
        guard let nio, let nioRatio else { return print("  matrix-nio bot: not run (pass --nio-python)") }
        print("  matrix-nio bot: \(Figures.format(nio.medianEventsPerSecond, digits: 0)) events/s (median of \(nio.runs), best \(Figures.format(nio.bestEventsPerSecond, digits: 0)); reference, no target)")
        print("  ratio peerbot / nio: \(Figures.format(nioRatio, digits: 1))×")
    }
}
