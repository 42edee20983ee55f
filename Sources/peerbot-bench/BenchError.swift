import Foundation

/// Why a benchmark could not produce its figures.
enum BenchError: Error, CustomStringConvertible {
    /// The command line was wrong.
    case usage(String)
    /// An input file could not be read.
    case unreadable(path: String)
    /// Something awaited did not happen in time.
    case timeout(String)
    /// The homeserver or the bot did not behave as the benchmark needs.
    case unexpected(String)
    /// `/proc/PID/status` was missing or lacked a field.
    case noProcess(pid: Int32)

    var code: String {
        switch self {
        case .usage: "BENCH_USAGE"
        case .unreadable: "BENCH_UNREADABLE"
        case .timeout: "BENCH_TIMEOUT"
        case .unexpected: "BENCH_UNEXPECTED"
        case .noProcess: "BENCH_NO_PROCESS"
        }
    }

    /// sysexits: 64 for a bad command line, 66 for a missing input, 1 otherwise.
    var exitCode: Int32 {
        switch self {
        case .usage: 64
        case .unreadable: 66
        default: 1
        }
    }

    var description: String {
        let detail = switch self {
        case .usage(let message): message
        case .unreadable(let path): "cannot read \(path)"
        case .timeout(let what): "timed out waiting for \(what)"
        case .unexpected(let message): message
        case .noProcess(let pid): "no VmRSS/VmHWM in /proc/\(pid)/status (is the process running?)"
        }
        return "\(code): \(detail)"
    }
}
