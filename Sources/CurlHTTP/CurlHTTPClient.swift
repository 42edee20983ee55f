import Foundation

/// Async HTTP client: one dedicated thread runs a curl_multi loop.
///
/// Requests run concurrently and share the multi handle's connection pool. Callers are
/// suspended on a continuation, so no cooperative-pool thread ever waits for the network.
public final class CurlHTTPClient: Sendable {
    private let loop: MultiLoop
    private let connectTimeout: Duration

    public init(connectTimeout: Duration = .seconds(10)) {
        CurlGlobal.ensureInitialised()
        self.connectTimeout = connectTimeout
        self.loop = MultiLoop()
        loop.start()
    }

    deinit {
        loop.shutdown()
    }

    /// Sends `request` and returns the response, whatever its status code.
    ///
    /// Throws `CurlError` when no response arrived (timeout, refused connection, bad URL)
    /// and `CancellationError` when the task is cancelled or the client shut down.
    public func perform(_ request: HTTPRequest) async throws -> HTTPResponse {
        try Task.checkCancellation()
        let transfer = Transfer(request: request, connectTimeout: connectTimeout)
        let loop = self.loop
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                guard transfer.attach(continuation) else { return }
                if !loop.submit(transfer) {
                    transfer.finish(.failure(CancellationError()))
                }
            }
        } onCancel: {
            if transfer.cancel() {
                loop.cancel(transfer)
            }
        }
    }

    /// Stops the loop thread; pending and later requests fail with `CancellationError`.
    public func shutdown() {
        loop.shutdown()
    }
}
