import Foundation
import MatrixClient

/// The supervisor's steps of a faculty-scale run and what is read back after them.
struct ScaleSteps {
    let supervisor: MatrixClient
    let roomID: String
    let room: RoomFollower
    let bot: ScaleBot
    /// The homeserver's process, when it runs on this machine: its CPU time is steadier than wall time.
    let homeserverPID: Int32?

    /// Sends a message content in the supervisor room; returns the event id.
    func send(_ content: ClientJSON) async throws -> String {
        try await supervisor.send(roomID: roomID, eventType: "m.room.message", txnID: "scale.\(UUID().uuidString)", content: content)
    }

    func send(text: String) async throws -> String {
        try await send(["msgtype": "m.text", "body": .string(text)])
    }

    /// The bot's answer of `kind` to `eventID`.
    func answer(to eventID: String, kind: String) async throws -> ClientEvent {
        let botID = bot.userID
        return try await room.first("the bot's \(kind) answer to \(eventID)", timeout: ScaleBench.waitLimit, check: { [bot] in try bot.checkAlive() }) {
            $0.sender == botID && $0.inReplyTo == eventID && $0.peerbotKind == kind
        }.event
    }

    /// What `!groups create` came to, by the progress message's last edit.
    struct Creation: Encodable {
        let seconds: Double
        let done: Int
        let total: Int
        let failed: Int
        /// The bot's own CPU time meanwhile (user + system), so a slow homeserver shows as such.
        let botCPUSeconds: Double
        /// The homeserver's CPU time meanwhile, when its pid was given.
        let homeserverCPUSeconds: Double?
        /// The machine's 1-minute load average when the command was sent and when the rooms were ready.
        let loadBefore: Double?
        let loadAfter: Double?
        enum CodingKeys: String, CodingKey {
            case seconds, done, total, failed, botCPUSeconds = "bot_cpu_seconds", homeserverCPUSeconds = "homeserver_cpu_seconds", loadBefore = "load_before", loadAfter = "load_after"
        }
    }

    /// The 1-minute load average, from `/proc/loadavg`.
    static func loadAverage() -> Double? {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.flatMap { Double($0) }
    }

    /// `!groups create`, timed from sending it to the edit that says the rooms are ready.
    func createRooms() async throws -> Creation {
        let started = ContinuousClock.now
        let (cpuBefore, loadBefore) = (try bot.cpuSeconds(), Self.loadAverage())
        let homeserverBefore = try homeserverPID.map(ScaleBot.cpuSeconds(pid:))
        let command = try await send(text: "!groups create")
        _ = try await answer(to: command, kind: "groups_created")
        let botID = bot.userID
        let progress = try await room.first("the progress message", timeout: ScaleBench.waitLimit, check: { [bot] in try bot.checkAlive() }) {
            $0.sender == botID && $0.peerbotKind == "progress" && $0.replaces == nil
        }.event
        let ready = "The group rooms are ready: "
        let last = try await room.first("the progress message's last edit", timeout: ScaleBench.waitLimit, check: { [bot] in try bot.checkAlive() }) {
            $0.sender == botID && $0.replaces == progress.eventID && ($0.content["m.new_content"]?["body"]?.stringValue ?? "").hasPrefix(ready)
        }
        let body = last.event.content["m.new_content"]?["body"]?.stringValue ?? ""
        let numbers = body.dropFirst(ready.count).split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count >= 2 else { throw BenchError.unexpected("cannot read the progress message: \(body)") }
        return Creation(seconds: (last.at - started).ms / 1000, done: numbers[0], total: numbers[1], failed: numbers.count > 2 ? numbers[2] : 0,
                        botCPUSeconds: try bot.cpuSeconds() - cpuBefore,
                        homeserverCPUSeconds: try homeserverPID.map { try ScaleBot.cpuSeconds(pid: $0) - (homeserverBefore ?? 0) },
                        loadBefore: loadBefore, loadAfter: Self.loadAverage())
    }

    /// The bot's joined rooms by the kind its marker gives them (`supervisor`, `group`, `direct`).
    static func roomsByKind(botClient: MatrixClient) async throws -> [String: Int] {
        let joined = try await botClient.joinedRooms()
        var kinds: [String: Int] = [:]
        try await withThrowingTaskGroup(of: String.self) { group in
            var next = 0
            func add() {
                let roomID = joined[next]
                next += 1
                group.addTask {
                    let path = "/_matrix/client/v3/rooms/\(MatrixClient.encode(roomID))/state/org.peerbot.room/"
                    let marker = try? await botClient.call("GET", path, as: ClientJSON.self)
                    return marker?["kind"]?.stringValue ?? "unmarked"
                }
            }
            while next < min(8, joined.count) { add() }
            while let kind = try await group.next() {
                kinds[kind, default: 0] += 1
                if next < joined.count { add() }
            }
        }
        return kinds
    }

    /// The bot's CPU use over `seconds`, in % of one core, once the work the last command queued
    /// (topics, goals) is done: measured after a 5-second window under 5 %.
    func idleCPU(seconds: Int) async throws -> Double {
        let settleDeadline = ContinuousClock.now + .seconds(600)
        var before = try bot.cpuSeconds()
        while ContinuousClock.now < settleDeadline {
            try await Task.sleep(for: .seconds(5))
            let now = try bot.cpuSeconds()
            defer { before = now }
            if (now - before) / 5 < 0.05 { break }
        }
        let start = try bot.cpuSeconds()
        let clock = ContinuousClock.now
        try await Task.sleep(for: .seconds(seconds))
        let used = try bot.cpuSeconds() - start
        return used / ((ContinuousClock.now - clock).ms / 1000) * 100
    }

    /// The largest of the bot's messages in the supervisor room, and the largest part of its
    /// group proposal, as the homeserver serves the whole event (the largest contents are fetched).
    func largestBotEvents() async throws -> (any: ScaleReport.Largest?, proposal: ScaleReport.Largest?) {
        let botID = bot.userID
        let seen = await room.events.map(\.event)
        let mine = seen.filter { $0.sender == botID }.map { ($0, $0.content.jsonString().utf8.count) }.sorted { $0.1 > $1.1 }
        let proposal = mine.filter { $0.0.peerbotKind == "group_proposal" }.prefix(1)
        var served: [String: ScaleReport.Largest] = [:]
        for (event, contentBytes) in Array(mine.prefix(3)) + proposal where served[event.eventID] == nil {
            let path = "/_matrix/client/v3/rooms/\(MatrixClient.encode(roomID))/event/\(MatrixClient.encode(event.eventID))"
            let raw = try await supervisor.call("GET", path)
            let command = seen.first { $0.eventID == event.inReplyTo }?.content["body"]?.stringValue
            served[event.eventID] = ScaleReport.Largest(kind: event.peerbotKind ?? "?", answering: command.map { String($0.prefix(40)) },
                                                        part: event.content["peerbot.part"]?.intValue, parts: event.content["peerbot.parts"]?.intValue,
                                                        contentBytes: contentBytes, eventBytes: raw.count)
        }
        let largest = served.values.max { $0.eventBytes < $1.eventBytes }
        return (largest, proposal.first.flatMap { served[$0.0.eventID] })
    }
}
