import Foundation
import MatrixClient
import PeerBot
import PeerBotStore
import PeerLearning

/// One timed run of the ingest benchmark on a fresh on-disk database.
struct IngestRun: Encodable {
    let events: Int
    let handled: Int
    let decodeMs: Double
    let ingestMs: Double
    let outboxQueued: Int
    /// The process's CPU time over decode + ingest: steadier than the wall time on a machine
    /// where other work takes turns on the cores.
    let cpuMs: Double
    var totalMs: Double { decodeMs + ingestMs }
    var eventsPerSecond: Double { Double(events) / (totalMs / 1000) }
    var eventsPerCPUSecond: Double { Double(events) / (cpuMs / 1000) }

    enum CodingKeys: String, CodingKey {
        case events, handled, decodeMs = "decode_ms", ingestMs = "ingest_ms", totalMs = "total_ms"
        case eventsPerSecond = "events_per_second", outboxQueued = "outbox_queued"
        case cpuMs = "cpu_ms", eventsPerCPUSecond = "events_per_cpu_second"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(events, forKey: .events)
        try c.encode(handled, forKey: .handled)
        try c.encode(Figures.rounded(decodeMs), forKey: .decodeMs)
        try c.encode(Figures.rounded(ingestMs), forKey: .ingestMs)
        try c.encode(Figures.rounded(totalMs), forKey: .totalMs)
        try c.encode(eventsPerSecond.rounded(), forKey: .eventsPerSecond)
        try c.encode(outboxQueued, forKey: .outboxQueued)
        try c.encode(Figures.rounded(cpuMs), forKey: .cpuMs)
        try c.encode(eventsPerCPUSecond.rounded(), forKey: .eventsPerCPUSecond)
    }

    var line: String {
        "decode \(Figures.format(decodeMs)) ms, ingest \(Figures.format(ingestMs)) ms, total \(Figures.format(totalMs)) ms, "
            + "\(Figures.format(eventsPerSecond, digits: 0)) events/s, \(outboxQueued) outbox rows queued, "
            + "CPU \(Figures.format(cpuMs)) ms"
    }

    /// Seeds a fresh database, then times decoding the body and ingesting it.
    static func measure(body: Data, shape: InputShape) throws -> IngestRun {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("peerbot.sqlite").path
        let database = try AppDatabase(path: path)
        try seed(database, shape: shape)
        let config = benchConfig(databasePath: path)

        let clock = ContinuousClock()
        let cpuStart = processCPUMs()
        let start = clock.now
        let sync = try MatrixClient.decodeSync(body)
        let decoded = clock.now
        let outcome = try BatchIngestor(database: database).ingest(sync, firstSync: false, config: config)
        let ingested = clock.now
        let cpuMs = processCPUMs() - cpuStart

        let queued = try database.read { try $0.outbox.counts().pending }
        return IngestRun(events: outcome.events, handled: outcome.handled, decodeMs: (decoded - start).ms,
                         ingestMs: (ingested - decoded).ms, outboxQueued: queued, cpuMs: cpuMs)
    }

    /// Every sender on the roster, and every room of the input as the room of a group G0000…
    /// (senders dealt out in turn), joined before its first event.
    static func seed(_ database: AppDatabase, shape: InputShape) throws {
        let senders = shape.senders.sorted()
        let rooms = shape.roomIDs
        try database.write { writer in
            for sender in senders {
                try writer.roster.upsert(userID: sender, name: sender, attributes: [:], at: shape.joinedAt)
            }
            var members = Array(repeating: [String](), count: rooms.count)
            for (index, sender) in senders.enumerated() { members[index % rooms.count].append(sender) }
            let groups = try writer.groups.create(rooms.indices.map { ("G" + String(format: "%04d", $0), members[$0]) }, at: shape.joinedAt)
            for (group, roomID) in zip(groups, rooms) {
                try writer.groups.setRoom(groupID: group.id, roomID: roomID)
                try writer.rooms.upsert(RoomRecord(roomID: roomID, kind: .group, groupName: group.name, joinedAt: shape.joinedAt))
            }
        }
    }

    static func benchConfig(databasePath: String) -> BotConfig {
        BotConfig(homeserver: "https://example.org", userID: IngestBench.botUserID, accessToken: Secret("unused"),
                  supervisors: [IngestBench.supervisor], databasePath: databasePath,
                  timeZone: ZoneRules.named("Europe/Copenhagen") ?? .utc)
    }
}
