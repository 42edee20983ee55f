import CurlHTTP
import Foundation
import MatrixClient
import PeerBot

/// `scale`: a faculty's course on a local Synapse with the bot's limits lifted: the roster of
/// `--students` students, `!groups plan` and `!groups create` (every room and welcome, timed to
/// the progress message's last edit), a session planned in every group, then the bot's idle CPU
/// and resident memory, and the largest message it built for the course against the event limit.
struct ScaleBench {
    let homeserver: String
    let peerbot: String
    let admin: Credentials
    let students: Int
    let groupSize: Int
    let idleSeconds: Int
    let json: Bool
    let homeserverPID: Int32?

    static let creationTargetSeconds = 300.0
    static let idleCPUTargetPercent = 1.0
    static let residentTargetMiB = 40.0
    /// Synapse's (and the spec's) limit on a whole event, in bytes.
    static let eventLimitBytes = 65_536
    static let waitLimit: Duration = .seconds(3600)

    init(arguments: inout Arguments) throws {
        homeserver = try arguments.required("homeserver")
        peerbot = try arguments.required("peerbot")
        admin = try Credentials(parsing: arguments.required("admin"), option: "admin")
        students = try arguments.count("students", default: 1000, minimum: 2)
        groupSize = try arguments.count("group-size", default: 5, minimum: 2)
        idleSeconds = try arguments.count("idle-seconds", default: 60)
        json = arguments.flag("json")
        let pid = try arguments.count("homeserver-pid", default: 0)
        homeserverPID = pid > 0 ? Int32(clamping: pid) : nil
        try arguments.finish()
    }

    func run() async throws {
        let http = CurlHTTPClient()
        defer { http.shutdown() }
        let base = MatrixClient(homeserver: homeserver, accessToken: nil, transport: CurlTransport(http: http))
        let accounts = try await ScaleAccounts.open(base: base, admin: admin)
        let clock = ContinuousClock()
        let registering = clock.now
        try await accounts.register(students: students)
        try await accounts.liftBotLimits()
        note("registered \(students) students, a supervisor and the bot in \(Figures.format((clock.now - registering).ms / 1000)) s; the bot's limits lifted")

        let bot = try ScaleBot(binary: peerbot, userID: accounts.botUserID)
        do {
            try bot.prepare(homeserver: homeserver, localpart: accounts.botLocalpart, password: accounts.password, supervisor: accounts.supervisorUserID)
            try await bot.start()
            let report = try await course(accounts: accounts, bot: bot)
            bot.stop()
            bot.remove()
            if json { return try Figures.printJSON(report) }
            report.printSummary()
        } catch {
            bot.stop()
            printError("peerbot-bench scale: the bot's files are kept in \(bot.directory.path)")
            throw error
        }
    }

    /// A progress line, flushed at once: the run takes minutes and its output is often piped.
    private func note(_ text: String) {
        guard !json else { return }
        print(text)
        fflush(nil)
    }

    /// The supervisor's part, then the measurements of the idle bot.
    private func course(accounts: ScaleAccounts, bot: ScaleBot) async throws -> ScaleReport {
        let supervisor = try await accounts.login(accounts.supervisorLocalpart)
        let roomID = try await supervisorRoom(supervisor, bot: bot)
        let room = RoomFollower(client: supervisor, roomID: roomID)
        try await room.start()
        defer { Task { await room.stop() } }
        let steps = ScaleSteps(supervisor: supervisor, roomID: roomID, room: room, bot: bot, homeserverPID: homeserverPID)

        let uri = try await supervisor.upload(Data(accounts.rosterCSV(students: students).utf8), contentType: "text/csv", filename: "roster.csv")
        let file: ClientJSON = ["msgtype": "m.file", "body": "roster.csv", "filename": "roster.csv", "url": .string(uri)]
        let roster = try await steps.answer(to: steps.send(file), kind: "roster")
        guard roster.content["peerbot.error"] == nil else { throw BenchError.unexpected("the roster was refused: \(roster.content["body"]?.stringValue ?? "")") }
        note("roster of \(students) imported")

        let plan = try await steps.send(text: "!groups plan size=\(groupSize) seed=7")
        _ = try await steps.answer(to: plan, kind: "group_proposal")
        note("groups planned")

        let creation = try await steps.createRooms()
        note("rooms made in \(Figures.format(creation.seconds)) s (\(creation.done) of \(creation.total) steps, \(creation.failed) failed)")
        let rooms = try await ScaleSteps.roomsByKind(botClient: accounts.login(accounts.botLocalpart))

        let session = try await steps.send(text: "!session plan all tomorrow 14:00 1h Handover on the ward")
        let planned = try await steps.answer(to: session, kind: "reply")
        guard planned.content["peerbot.error"] == nil else { throw BenchError.unexpected("!session plan all was refused") }
        note("a session planned in every group; waiting for the bot to settle, then \(idleSeconds) s idle")

        let idle = try await steps.idleCPU(seconds: idleSeconds)
        let largest = try await steps.largestBotEvents()
        return ScaleReport(students: students, groupSize: groupSize, creation: creation, rooms: rooms, idleSeconds: idleSeconds,
                           idleCPUPercent: idle, residentKiB: try bot.residentKiB(), largest: largest.any, proposal: largest.proposal)
    }

    /// Waits for the bot's invite to its supervisor room (made on its first start) and joins.
    private func supervisorRoom(_ supervisor: MatrixClient, bot: ScaleBot) async throws -> String {
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            try bot.checkAlive()
            let sync = try await supervisor.sync(since: nil, timeout: .zero)
            if let roomID = sync.rooms.invite.keys.first {
                _ = try await supervisor.join(roomID)
                return roomID
            }
            try await Task.sleep(for: .seconds(1))
        }
        throw BenchError.timeout("the bot's invite to its supervisor room")
    }
}
