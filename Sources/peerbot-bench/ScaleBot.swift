import Foundation

/// The bot of a faculty-scale run: its own work folder, token, configuration and database, run
/// as `peerbot run` (the binary given), with its CPU time and resident memory read from `/proc`.
/// Unchecked: the run drives it from one task at a time (start, checks between polls, stop).
final class ScaleBot: @unchecked Sendable {
    let binary: String
    let directory: URL
    let userID: String
    private var process: Process?

    init(binary: String, userID: String) throws {
        self.binary = binary
        self.userID = userID
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-bench-scale-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    var logPath: String { directory.appendingPathComponent("bot.log").path }
    var tokenPath: String { directory.appendingPathComponent("access_token").path }
    var pid: Int32? { process?.processIdentifier }

    /// `peerbot login` with the password, then the configuration: English, info logs.
    func prepare(homeserver: String, localpart: String, password: String, supervisor: String) throws {
        let passwordPath = directory.appendingPathComponent("bot.password").path
        guard FileManager.default.createFile(atPath: passwordPath, contents: Data((password + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
            throw BenchError.unexpected("cannot write \(passwordPath)")
        }
        let login = try run(["login", "--homeserver", homeserver, "--user", localpart, "--password-file", passwordPath, "--token-file", tokenPath])
        guard login == 0 else { throw BenchError.unexpected("peerbot login exited with status \(login)") }
        let config = """
            homeserver: "\(homeserver)"
            user_id: "\(userID)"
            access_token_file: "\(tokenPath)"
            supervisors:
              - "\(supervisor)"
            database: "\(directory.appendingPathComponent("peerbot.sqlite").path)"
            language: en
            log_level: info

            """
        try Data(config.utf8).write(to: directory.appendingPathComponent("peerbot.yaml"))
    }

    /// Starts `peerbot run` and waits until its log says it is ready (first sync done).
    func start(timeout: Duration = .seconds(120)) async throws {
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["run", "--config", directory.appendingPathComponent("peerbot.yaml").path]
        process.standardOutput = log
        process.standardError = log
        try process.run()
        self.process = process
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard process.isRunning else { throw BenchError.unexpected("the bot exited during start-up (log: \(logPath))") }
            if let text = try? String(contentsOfFile: logPath, encoding: .utf8), text.contains("ready") { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw BenchError.timeout("the bot's first sync (log: \(logPath))")
    }

    /// Fails when the bot has stopped: a run must not wait minutes for a dead process.
    func checkAlive() throws {
        guard process?.isRunning == true else { throw BenchError.unexpected("the bot exited (log: \(logPath))") }
    }

    /// SIGTERM, then waits for the exit.
    func stop() {
        guard let process, process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// The files go unless the run failed (then the log is worth keeping).
    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// User + system CPU seconds so far.
    func cpuSeconds() throws -> Double {
        guard let pid else { throw BenchError.noProcess(pid: 0) }
        return try Self.cpuSeconds(pid: pid)
    }

    /// User + system CPU seconds of any process (`/proc/PID/stat` fields 14 and 15, in clock
    /// ticks): the bot's, and the homeserver's when the run is told its pid.
    static func cpuSeconds(pid: Int32) throws -> Double {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { throw BenchError.noProcess(pid: pid) }
        // After the command name in parentheses: field 3 (state) onwards.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else {
            throw BenchError.noProcess(pid: pid)
        }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// VmRSS in KiB, from `/proc/PID/status`.
    func residentKiB() throws -> Int {
        guard let pid, let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let value = Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" })[1]) else {
            throw BenchError.noProcess(pid: pid ?? 0)
        }
        return value
    }

    private func run(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
