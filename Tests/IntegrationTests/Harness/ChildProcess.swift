import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts helper programs and the bot with `posix_spawn`, with a clean signal mask and default
/// signal handlers. Foundation's `Process` launched from a Dispatch worker thread passes that
/// thread's mask on, which blocks SIGTERM in the child: a SIGTERM test would then prove nothing.
enum ChildProcess {
    /// How a child ended, in the shell's convention: the exit code, or 128 + the signal number.
    typealias ExitStatus = Int32

    /// Spawns `executable`; stdin is /dev/null, stdout and stderr are appended to `outputPath`.
    static func spawn(_ executable: String, _ arguments: [String], outputPath: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Nothing else of the test process reaches the child: tests run side by side, and a
        // descriptor another test has open (a script it is still writing) must not stay open in
        // a long-lived bot, where it would make that script unexecutable ("Text file busy").
        closeInherited(&actions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        cleanSignals(&attributes)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        var result = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        // A child another thread is spawning at this instant may still hold a just-written
        // script open for writing until its own exec; that lasts microseconds.
        for _ in 0..<20 where result == ETXTBSY {
            usleep(50_000)
            result = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        }
        guard result == 0 else {
            throw HarnessError.commandFailed(
                command: executable, status: result, output: "posix_spawn: \(String(cString: strerror(result)))")
        }
        return pid
    }

    /// No descriptor of the test process above stderr reaches the child (where glibc can say so).
    static func closeInherited(_ actions: inout posix_spawn_file_actions_t) {
        _ = closeFrom?(&actions, 3)
    }

    /// A child starts with no signal blocked and every handler at its default (set with
    /// `POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF`), whatever the test process changed.
    static func cleanSignals(_ attributes: inout posix_spawnattr_t) {
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var everySignal = sigset_t()
        sigfillset(&everySignal)
        sigdelset(&everySignal, SIGKILL)
        sigdelset(&everySignal, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &everySignal)
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), which Swift's Glibc module does not export.
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let closeFrom: AddCloseFrom? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)
    }()

    /// Waits for `pid` on a thread of its own (never blocking the test's task threads).
    static func exitStatus(of pid: pid_t) async -> ExitStatus {
        await exit(of: pid).status
    }

    /// Like `exitStatus(of:)`, with the moment of the exit read on the waiting thread: with many
    /// tests side by side the task threads may be busy, and an exit must not seem to take longer.
    static func exit(of pid: pid_t) async -> (status: ExitStatus, at: ContinuousClock.Instant) {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let status = waitBlocking(pid)
                continuation.resume(returning: (status, ContinuousClock.now))
            }
        }
    }

    private static func waitBlocking(_ pid: pid_t) -> ExitStatus {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            if errno != EINTR { return -1 }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
