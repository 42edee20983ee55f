import CCurl
import Foundation

/// One request in flight: its caller's continuation plus the libcurl state of its easy handle.
///
/// The continuation is guarded by a lock because the caller (cancellation) and the loop
/// thread (completion) race to resume it. Every other stored property is touched only on
/// the loop thread.
final class Transfer: @unchecked Sendable {
    typealias Continuation = CheckedContinuation<HTTPResponse, any Error>

    private struct Waiter {
        var continuation: Continuation?
        var isCancelled = false
    }

    let request: HTTPRequest
    let connectTimeout: Duration
    private let waiter = Locked(Waiter())

    // Loop-thread state.
    var easy: UnsafeMutableRawPointer?
    var headerList: UnsafeMutablePointer<curl_slist>?
    var errorBuffer: UnsafeMutablePointer<CChar>?
    var responseBody = Data()
    var responseHeaders: [String: String] = [:]
    /// Set when the body passed `request.maxResponseBytes` and the transfer was aborted.
    var bodyTooLarge = false

    init(request: HTTPRequest, connectTimeout: Duration) {
        self.request = request
        self.connectTimeout = connectTimeout
    }

    /// Stores the caller's continuation; returns false (after resuming it) if already cancelled.
    func attach(_ continuation: Continuation) -> Bool {
        let cancelled = waiter.withLock { state in
            if !state.isCancelled { state.continuation = continuation }
            return state.isCancelled
        }
        if cancelled { continuation.resume(throwing: CancellationError()) }
        return !cancelled
    }

    /// Resumes the caller with `CancellationError` now; returns true if it had been submitted,
    /// so the loop must still drop the easy handle.
    func cancel() -> Bool {
        let continuation = waiter.withLock { state in
            state.isCancelled = true
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume(throwing: CancellationError())
        return continuation != nil
    }

    var isCancelled: Bool {
        waiter.withLock { $0.isCancelled }
    }

    /// Resumes the caller unless cancellation already did.
    func finish(_ result: Result<HTTPResponse, any Error>) {
        let continuation = waiter.withLock { state in
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume(with: result)
    }
}
