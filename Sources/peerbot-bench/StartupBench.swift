import Foundation
import PeerBot

/// `startup`: how long the bot takes from `exec` to READY (its first sync done, told over systemd's
/// notify socket) with a warm homeserver and a database holding a whole course. The benchmark
/// logs in a device of its own, builds the course database, starts the bot once to set the device
/// and the rooms up (the first start, reported apart), then times the restarts.
struct StartupBench {
    let bot: String
    let config: String
    let passwordFile: String
    let runs: Int
    let encrypted: Bool
    let json: Bool
    /// exec → READY on a restart, ms.
    static let targetMs = 150.0
    static let readyLimit: TimeInterval = 60

    init(arguments: inout Arguments) throws {
        bot = try arguments.required("bot")
        config = try arguments.required("config")
        passwordFile = try arguments.required("password-file")
        runs = try arguments.count("runs", default: 5)
        encrypted = !arguments.flag("plain")
        json = arguments.flag("json")
        try arguments.finish()
    }

    struct Report: Encodable {
        let groups: Int
        let students: Int
        let sessions: Int
        let encrypted: Bool
        let firstStartMs: Double
        let restartsMs: [Double]
        var medianMs: Double { Figures.median(restartsMs) }
        var met: Bool { medianMs <= StartupBench.targetMs }

        enum CodingKeys: String, CodingKey { case groups, students, sessions, encrypted, firstStartMs = "first_start_ms", restartsMs = "restarts_ms", medianMs = "median_ms", met }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(groups, forKey: .groups)
            try c.encode(students, forKey: .students)
            try c.encode(sessions, forKey: .sessions)
            try c.encode(encrypted, forKey: .encrypted)
            try c.encode(Figures.rounded(firstStartMs), forKey: .firstStartMs)
            try c.encode(restartsMs.map { Figures.rounded($0) }, forKey: .restartsMs)
            try c.encode(Figures.rounded(medianMs), forKey: .medianMs)
            try c.encode(met, forKey: .met)
        }
    }

    func run() async throws {
        let settings = try ConfigLoader().load(path: config)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-startup-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: work) }
        let course = CourseDatabase()
        let launch = try StartupLaunch(bot: bot, work: work, settings: settings, encrypted: encrypted)
        try launch.login(passwordFile: passwordFile)
        let first: Double
        var restarts: [Double] = []
        do {
            try course.create(at: launch.databasePath, supervisor: settings.supervisors.first ?? settings.userID)
            first = try launch.timeToReady(limit: Self.readyLimit)
            for _ in 0..<runs { restarts.append(try launch.timeToReady(limit: Self.readyLimit)) }
            await launch.logout()
        } catch {
            await launch.logout()
            throw error
        }
        let report = Report(groups: course.groups, students: course.students, sessions: course.sessions, encrypted: encrypted,
                            firstStartMs: first, restartsMs: restarts)
        if json { return try Figures.printJSON(report) }
        print("startup: exec → READY, \(course.groups) groups, \(course.students) students, \(course.sessions) sessions,"
              + " encryption \(encrypted ? "on" : "off"), warm homeserver")
        print("  first start (new device, supervisor room made): \(Figures.format(first)) ms")
        print("  restart: median \(Figures.format(report.medianMs)) ms of \(runs) (\(restarts.map { Figures.format($0) }.joined(separator: ", ")))")
        print("  target ≤ \(Int(Self.targetMs)) ms: \(report.met ? "met" : "not met")")
    }
}
