import CurlHTTP
import Foundation
import MatrixClient
import PeerBot

/// `latency`: how long a student waits for the bot's reply, against a running Synapse and bot,
/// set beside the floor of two plain message hops; with `--encrypted`, also the reply to an
/// encrypted command in an encrypted room, interleaved in the same rounds.
struct LatencyBench {
    let homeserver: String
    let botUserID: String
    let student: Credentials
    let peer: Credentials
    let supervisor: Credentials
    let rounds: Int
    let warmup: Int
    /// Seconds each round waits before it starts: above the bot's 5 s quiet spell, every round's
    /// messages reach a bot that has just given its memory back (the first reply after a pause).
    let pause: Int
    let json: Bool
    let encrypted: Bool
    static let waitLimit: Duration = .seconds(30)

    init(arguments: inout Arguments) throws {
        homeserver = try arguments.required("homeserver")
        botUserID = try arguments.required("bot")
        student = try Credentials(parsing: arguments.required("student"), option: "student")
        peer = try Credentials(parsing: arguments.required("peer"), option: "peer")
        supervisor = try Credentials(parsing: arguments.required("supervisor"), option: "supervisor")
        rounds = try arguments.count("rounds", default: 50)
        warmup = try arguments.count("warmup", default: 3, minimum: 0)
        pause = try arguments.count("pause", default: 0, minimum: 0)
        json = arguments.flag("json")
        encrypted = arguments.flag("encrypted")
        try arguments.finish()
    }

    func run() async throws {
        let http = CurlHTTPClient()
        defer { http.shutdown() }
        let base = MatrixClient(homeserver: homeserver, accessToken: nil, transport: CurlTransport(http: http))
        let room = try await BenchRoom.prepare(base: base, botUserID: botUserID, supervisor: supervisor, student: student, peer: peer)
        let secret = encrypted ? try await EncryptedBenchRoom.prepare(plain: room, botUserID: botUserID) : nil
        let watcher = TimelineWatcher(client: room.student, roomIDs: [room.roomID] + (secret.map { [$0.roomID] } ?? []),
                                      botUserID: botUserID, device: secret?.device)
        try await watcher.start()
        let samples: Samples
        do {
            samples = try await measure(room: room, encrypted: secret, watcher: watcher)
            await watcher.stop()
        } catch {
            await watcher.stop()
            throw error
        }
        // The student's encryption device goes with this run: later runs share no keys with it.
        if secret != nil { _ = try? await room.student.call("POST", "/_matrix/client/v3/logout", json: .object([:])) }
        let report = LatencyReport(homeserver: homeserver, bot: botUserID, roomID: room.roomID, warmup: warmup,
                                   plainMs: samples.plain, botMs: samples.bot, encryptedRoomID: secret?.roomID,
                                   encryptedPlainMs: samples.encryptedPlain, encryptedMs: samples.encrypted, syncErrors: await watcher.syncErrors,
                                   undecryptable: await watcher.undecryptable)
        if json { return try Figures.printJSON(report) }
        report.printSummary()
    }

    /// Milliseconds per round: a plain message and the command's reply, in the plain room and
    /// (encrypted) in the encrypted room, so each reply has the floor measured next to it.
    struct Samples {
        var plain: [Double] = []
        var bot: [Double] = []
        var encryptedPlain: [Double] = []
        var encrypted: [Double] = []
    }

    /// Each round: a plain message, then `!help`, in the plain room; with an encrypted room, an
    /// encrypted ordinary message, then an encrypted `!help` there. The warm-up rounds are dropped.
    private func measure(room: BenchRoom, encrypted secret: EncryptedBenchRoom?, watcher: TimelineWatcher) async throws -> Samples {
        var samples = Samples()
        for round in 1...(warmup + rounds) {
            if pause > 0 { try await Task.sleep(for: .seconds(pause)) }
            let plain = try await hop(watcher, Sighting.event) { try await send(room.peer, to: room.roomID, body: "plain message, round \(round)") }
            let bot = try await hop(watcher, Sighting.reply(to:)) { try await send(room.student, to: room.roomID, body: "!help") }
            var secretPair: (Double, Double)?
            if let secret {
                let message = try await hop(watcher, Sighting.event) { try await secret.send("plain message, round \(round)") }
                let reply = try await hop(watcher, Sighting.reply(to:)) { try await secret.send("!help") }
                secretPair = (message, reply)
            }
            guard round > warmup else { continue }
            samples.plain.append(plain)
            samples.bot.append(bot)
            if let (message, reply) = secretPair {
                samples.encryptedPlain.append(message)
                samples.encrypted.append(reply)
            }
        }
        return samples
    }

    typealias Sighting = TimelineWatcher.Sighting

    /// Milliseconds from sending (the event id `send` returns names it) to the student's sync
    /// showing `sighting` of it.
    private func hop(_ watcher: TimelineWatcher, _ sighting: (String) -> Sighting,
                     send: () async throws -> String) async throws -> Double {
        let start = ContinuousClock.now
        let id = try await send()
        return (try await watcher.arrival(of: sighting(id), timeout: Self.waitLimit) - start).ms
    }

    private func send(_ client: MatrixClient, to roomID: String, body: String) async throws -> String {
        let content = JSONValue.object(MessageContent.message(body: body, msgtype: "m.text"))
        return try await client.send(roomID: roomID, eventType: "m.room.message", txnID: "bench.\(UUID().uuidString)", content: content)
    }
}
