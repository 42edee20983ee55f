import Foundation
import Synchronization

/// The scheduled job being run right now, written to a small file beside the database before
/// the job runs and cleared after it. A job that kills the process (a trap, not an error) leaves
/// its name behind; the next start counts that as one of the job's failures, so a job that kills
/// the bot every time is set aside after a few restarts instead of stopping it for good.
///
/// Written with plain `pwrite`: the kernel keeps the bytes when the process dies, which is all
/// this needs; nothing is synced to disk on every job.
final class JobBreadcrumb: Sendable {
    let path: String
    private let state: Mutex<(descriptor: Int32, stack: [String])>

    /// Opens (or creates) the file; nil when it cannot be opened, and the bot runs without it.
    init?(path: String) {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        self.path = path
        state = Mutex((descriptor, []))
    }

    deinit {
        state.withLock { _ = close($0.descriptor) }
    }

    /// The innermost job the previous process was running when it died, if it died in one.
    func interrupted() -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").last.map(String.init)
    }

    /// Replaces what the previous process left with this one's own (nothing, between ticks).
    func reset() {
        state.withLock { Self.write($0.stack, to: $0.descriptor) }
    }

    func enter(_ key: String) {
        state.withLock { state in
            state.stack.append(key)
            Self.write(state.stack, to: state.descriptor)
        }
    }

    func leave() {
        state.withLock { state in
            _ = state.stack.popLast()
            Self.write(state.stack, to: state.descriptor)
        }
    }

    private static func write(_ stack: [String], to descriptor: Int32) {
        let bytes = Array(stack.joined(separator: "\n").utf8)
        _ = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        _ = ftruncate(descriptor, off_t(bytes.count))
    }
}
