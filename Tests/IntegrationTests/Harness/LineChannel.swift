import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process spoken to in lines: its stdin and stdout are pipes, stderr goes to a log file.
/// The pipe ends are close-on-exec, so no other child (a bot process) holds them open: closing
/// our end of stdin is then the child's end of input.
final class LineChannel: Sendable {
    let pid: pid_t
    private let input: Int32
    private let output: Int32

    /// Spawns `executable`, with a clean signal mask and default handlers like `ChildProcess.spawn`.
    init(_ executable: String, _ arguments: [String], errorPath: String) throws {
        // A write to a child that died must fail with EPIPE, not kill the test process.
        signal(SIGPIPE, SIG_IGN)
        var toChild: [Int32] = [-1, -1]
        var fromChild: [Int32] = [-1, -1]
        // (pipe2 is not visible from Swift; the short window before FD_CLOEXEC is set is covered
        // by `finish`, which kills a child that does not stop when its input closes.)
        guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else {
            throw HarnessError.commandFailed(command: executable, status: errno, output: "pipe failed")
        }
        for fd in toChild + fromChild { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        ChildProcess.closeInherited(&actions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        ChildProcess.cleanSignals(&attributes)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        close(toChild[0])
        close(fromChild[1])
        guard result == 0 else {
            close(toChild[1])
            close(fromChild[0])
            throw HarnessError.commandFailed(
                command: executable, status: result, output: "posix_spawn: \(String(cString: strerror(result)))")
        }
        self.pid = pid
        input = toChild[1]
        output = fromChild[0]
    }

    /// Writes `line` and a newline to the child's stdin.
    func write(_ line: String) throws {
        let bytes = Array((line + "\n").utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(input, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw HarnessError.transport(method: "write", path: "child stdin", underlying: String(cString: strerror(errno)))
            }
            written += count
        }
    }

    /// Reads stdout on a thread of its own, calling `onLine` per line and `onEnd` at end of output.
    func startReading(onLine: @escaping @Sendable (String) -> Void, onEnd: @escaping @Sendable () -> Void) {
        let output = output
        Thread.detachNewThread {
            var pending: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                pending.append(contentsOf: buffer[0..<count])
                while let newline = pending.firstIndex(of: 10) {
                    onLine(String(decoding: pending[..<newline], as: UTF8.self))
                    pending.removeSubrange(...newline)
                }
            }
            close(output)
            onEnd()
        }
    }

    /// Closes the child's stdin (its cue to stop) and reaps it; SIGKILL when it has not gone in time.
    func finish(grace: Duration = .seconds(10)) async {
        close(input)
        let pid = pid
        let reaped = Task { await ChildProcess.exitStatus(of: pid) }
        let killer = Task {
            try await Task.sleep(for: grace)
            kill(pid, SIGKILL)
        }
        _ = await reaped.value
        killer.cancel()
    }
}
