import CurlHTTP
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import MatrixClient
import PeerBot

/// One bot under the start-up benchmark: its own device, configuration, database and the notify
/// socket it reports READY on, as systemd's would receive it.
final class StartupLaunch {
    let bot: String
    let work: String
    let settings: BotConfig
    let encrypted: Bool
    private let socket: Int32
    var databasePath: String { work + "/course.sqlite" }
    var tokenPath: String { work + "/access_token" }
    var configPath: String { work + "/peerbot.yaml" }
    var logPath: String { work + "/peerbot.log" }
    var socketPath: String { work + "/notify" }

    init(bot: String, work: String, settings: BotConfig, encrypted: Bool) throws {
        self.bot = bot
        self.work = work
        self.settings = settings
        self.encrypted = encrypted
        socket = Glibc.socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard socket >= 0 else { throw BenchError.unexpected("no datagram socket (errno \(errno))") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let path = Array((work + "/notify").utf8)
        guard path.count < MemoryLayout.size(ofValue: address.sun_path) else { throw BenchError.unexpected("socket path too long: \(work)") }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: path) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { throw BenchError.unexpected("cannot bind the notify socket (errno \(errno))") }
    }

    deinit { close(socket) }

    /// A device of the benchmark's own (keys uploaded once belong to their device), and the
    /// configuration that runs it against the course database.
    func login(passwordFile: String) throws {
        let login = Process()
        login.executableURL = URL(fileURLWithPath: bot)
        login.arguments = ["login", "--homeserver", settings.homeserver, "--user", settings.userID,
                           "--password-file", passwordFile, "--token-file", tokenPath]
        login.standardOutput = FileHandle.nullDevice
        try login.run()
        login.waitUntilExit()
        guard login.terminationStatus == 0 else { throw BenchError.unexpected("peerbot login failed (status \(login.terminationStatus))") }
        var yaml = """
            homeserver: "\(settings.homeserver)"
            user_id: "\(settings.userID)"
            access_token_file: "\(tokenPath)"
            supervisors: [\(settings.supervisors.map { "\"\($0)\"" }.joined(separator: ", "))]
            database: "\(databasePath)"
            log_level: info

            """
        if encrypted {
            let key = work + "/pickle_key"
            var bytes = [UInt8](repeating: 0, count: 32)
            for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255) }
            guard FileManager.default.createFile(atPath: key, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
                throw BenchError.unexpected("cannot write \(key)")
            }
            yaml += "pickle_key_file: \"\(key)\"\nencrypt_rooms: true\n"
        }
        try yaml.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    /// Logs the benchmark's device out, which deletes its keys on the homeserver.
    func logout() async {
        guard let token = try? String(contentsOfFile: tokenPath, encoding: .utf8) else { return }
        let http = CurlHTTPClient()
        defer { http.shutdown() }
        let client = MatrixClient(homeserver: settings.homeserver, accessToken: token.trimmingCharacters(in: .whitespacesAndNewlines),
                                  transport: CurlTransport(http: http))
        _ = try? await client.call("POST", "/_matrix/client/v3/logout", json: .object([:]))
    }

    /// Starts the bot, returns the milliseconds from its start to READY, and stops it (SIGTERM).
    func timeToReady(limit: TimeInterval) throws -> Double {
        drain()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: bot)
        process.arguments = ["run", "--config", configPath]
        var environment = ProcessInfo.processInfo.environment
        environment["NOTIFY_SOCKET"] = socketPath
        environment.removeValue(forKey: "WATCHDOG_USEC")
        process.environment = environment
        if !FileManager.default.fileExists(atPath: logPath) { _ = FileManager.default.createFile(atPath: logPath, contents: nil) }
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        defer { try? log.close() }
        try log.seekToEnd()
        process.standardOutput = log
        process.standardError = log
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        let ready = awaitReady(process: process, deadline: Date().addingTimeInterval(limit))
        let elapsed = (clock.now - start).ms
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        guard ready else {
            let tail = (try? String(contentsOfFile: logPath, encoding: .utf8))?.split(separator: "\n").suffix(10).joined(separator: "\n") ?? ""
            throw BenchError.unexpected("the bot did not report READY (status \(process.terminationStatus)); its log ends:\n\(tail)")
        }
        return elapsed
    }

    /// Waits for a datagram saying READY=1 while the bot runs.
    private func awaitReady(process: Process, deadline: Date) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 512)
        while Date() < deadline {
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, 50) > 0 {
                let count = recv(socket, &buffer, buffer.count, 0)
                if count > 0, String(decoding: buffer[0..<count], as: UTF8.self).contains("READY=1") { return true }
            } else if !process.isRunning {
                return false
            }
        }
        return false
    }

    /// Discards what an earlier run sent after READY (STOPPING, WATCHDOG).
    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 512)
        while recv(socket, &buffer, buffer.count, Int32(MSG_DONTWAIT)) > 0 {}
    }
}
