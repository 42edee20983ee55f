import Foundation
import Synchronization

/// The peerbot daemon under test: `$PEERBOT_BIN run --config FILE`, with its own account,
/// config, database and log in a folder of its own. Killed when the test lets go of it.
final class BotProcess: Sendable {
    /// The bot's account, usable by the test too (e.g. to log its token out).
    let account: TestUser
    let accessToken: String
    let directory: URL
    let binary: URL
    /// Variables set for the daemon only (as systemd sets `CREDENTIALS_DIRECTORY` and
    /// `STATE_DIRECTORY`); empty for the usual run.
    let environment: [String: String]
    var userID: String { account.userID }
    var configURL: URL { directory.appendingPathComponent("peerbot.yaml") }
    var tokenURL: URL { directory.appendingPathComponent("access_token") }
    var databaseURL: URL { directory.appendingPathComponent("peerbot.sqlite") }
    var logURL: URL { directory.appendingPathComponent("peerbot.log") }

    private struct State {
        var running = false
        var pid: pid_t = 0
        var exitStatus: Int32?
        var exitedAt: ContinuousClock.Instant?
        var launches = 0
    }

    private let state = Mutex(State())

    init(account: TestUser, accessToken: String, directory: URL, binary: URL, environment: [String: String] = [:]) {
        self.account = account
        self.accessToken = accessToken
        self.directory = directory
        self.binary = binary
        self.environment = environment
    }

    deinit { kill9() }

    /// Starts the daemon; its stdout and stderr are appended to `logURL`.
    func start() throws {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw HarnessError.botBinaryMissing(path: binary.path)
        }
        guard !isRunning else { return }
        let command = [binary.path, "run", "--config", configURL.path]
        let pid = environment.isEmpty
            ? try ChildProcess.spawn(command[0], Array(command.dropFirst()), outputPath: logURL.path)
            : try ChildProcess.spawn("/usr/bin/env", environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } + command,
                                     outputPath: logURL.path)
        state.withLock { state in
            state = State(running: true, pid: pid, launches: state.launches + 1)
        }
        Task.detached { [weak self] in
            let exit = await ChildProcess.exit(of: pid)
            self?.recordExit(pid: pid, status: exit.status, at: exit.at)
        }
    }

    private func recordExit(pid: pid_t, status: Int32, at exitedAt: ContinuousClock.Instant) {
        state.withLock { state in
            guard state.pid == pid else { return }
            state.running = false
            state.exitStatus = status
            state.exitedAt = exitedAt
        }
    }

    var isRunning: Bool { state.withLock { $0.running } }
    /// Process id of the current (or last) run.
    var pid: pid_t { state.withLock { $0.pid } }
    /// How many times the daemon was started.
    var launches: Int { state.withLock { $0.launches } }
    /// Exit status of the last run (128 + n when killed by signal n); nil while running.
    var exitStatus: Int32? { state.withLock { $0.running ? nil : $0.exitStatus } }

    /// Throws, with the log's end, when the daemon is not running: a test waiting on it fails at once.
    func checkAlive() throws {
        guard !isRunning else { return }
        guard let status = state.withLock({ $0.exitStatus }) else { throw HarnessError.botNotRunning }
        throw HarnessError.botExited(status: status, logTail: logTail())
    }

    /// SIGKILL, without waiting.
    func kill9() {
        let pid = state.withLock { $0.running ? $0.pid : 0 }
        if pid > 0 { kill(pid, SIGKILL) }
    }

    /// SIGKILL and wait until the process is gone.
    func kill9AndWait(timeout: Duration = Polling.patience) async throws {
        kill9()
        guard await waitForExit(timeout: timeout) != nil else {
            throw HarnessError.timedOut(what: "peerbot to die after SIGKILL", after: timeout)
        }
    }

    /// SIGTERM; returns the exit status and how long the exit took (nil status: still running at `timeout`).
    func terminate(timeout: Duration = Polling.patience) async -> (status: Int32?, elapsed: Duration) {
        let pid = state.withLock { $0.running ? $0.pid : 0 }
        let sent = ContinuousClock.now
        if pid > 0 { kill(pid, SIGTERM) }
        let status = await waitForExit(timeout: timeout)
        let exitedAt = state.withLock { $0.exitedAt } ?? ContinuousClock.now
        return (status, status == nil ? timeout : max(.zero, exitedAt - sent))
    }

    /// Waits for the current run to end; its exit status, or nil when still running at `timeout`.
    func waitForExit(timeout: Duration) async -> Int32? {
        let status = try? await Polling.until("peerbot to exit", timeout: timeout, interval: .milliseconds(50)) {
            self.exitStatus
        }
        return status
    }

    /// Kills the running daemon (if any) and starts it again with the same config and database.
    func restart() async throws {
        if isRunning { try await kill9AndWait() }
        try start()
    }

    /// Everything the daemon wrote to stdout and stderr, over all its runs.
    var log: String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }

    func logTail(lines: Int = 40) -> String {
        log.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }
}

extension BotProcess {
    /// A date the bot stored (`yyyy-MM-dd HH:mm:ss.SSS` in UTC): `column` of the row of `table`
    /// that `condition` picks, read with `sqlite3 -readonly` while the bot runs. Nil without a row.
    func storedDate(_ column: String, in table: String, where condition: String) async throws -> Date? {
        let sqlite = "/usr/bin/sqlite3"
        guard FileManager.default.isExecutableFile(atPath: sqlite) else {
            throw HarnessError.commandFailed(command: "sqlite3", status: 127, output: "sqlite3 is not installed")
        }
        let query = "SELECT printf('%.3f', (julianday(\(column)) - 2440587.5) * 86400.0) FROM \(table) WHERE \(condition);"
        let output = try await Shell.check(URL(fileURLWithPath: sqlite), ["-readonly", databaseURL.path, query])
        return Double(output.trimmingCharacters(in: .whitespacesAndNewlines)).map { Date(timeIntervalSince1970: $0) }
    }
}
