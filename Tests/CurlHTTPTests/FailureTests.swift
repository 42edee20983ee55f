import CurlHTTP
import Foundation
import Testing

@Suite("Transport failures, timeouts, cancellation and shutdown")
struct FailureTests {
    let server = TestServer.shared

    @Test func timeoutYieldsTimeoutError() async throws {
        let client = CurlHTTPClient()
        defer { client.shutdown() }
        // The server would answer after 30 s: only the request's own timeout can make this a
        // timeout error (no elapsed time is asserted: a busy machine stretches every wait).
        let error = await #expect(throws: CurlError.self) {
            try await client.perform(HTTPRequest(url: server.url("/slow?ms=30000"), timeout: .milliseconds(300)))
        }
        #expect(error?.isTimeout == true)
    }

    @Test func refusedConnectionYieldsCurlError() async throws {
        let client = CurlHTTPClient()
        defer { client.shutdown() }
        let error = await #expect(throws: CurlError.self) {
            try await client.perform(HTTPRequest(url: "http://127.0.0.1:\(server.closedPort)/"))
        }
        // 7 is libcurl's CURLE_COULDNT_CONNECT.
        #expect(error?.code == 7)
        #expect(error?.isTimeout == false)
        #expect(error?.message.isEmpty == false)
    }

    @Test func malformedURLYieldsCurlError() async throws {
        let client = CurlHTTPClient()
        defer { client.shutdown() }
        await #expect(throws: CurlError.self) {
            try await client.perform(HTTPRequest(url: "no scheme here"))
        }
    }

    @Test func cancellingASlowRequestReturnsPromptly() async throws {
        let client = CurlHTTPClient()
        defer { client.shutdown() }
        let slow = Task { try await client.perform(HTTPRequest(url: server.url("/slow?ms=30000"))) }
        try await Task.sleep(for: .milliseconds(300))
        slow.cancel()
        let result = await slow.result
        // The server would answer after 30 s with a 200: only the cancellation can end the wait
        // with CancellationError (no elapsed time is asserted: a busy machine stretches waits).
        #expect(throws: CancellationError.self) { try result.get() }

        let afterwards = try await client.perform(HTTPRequest(url: server.url("/echo")))
        #expect(afterwards.status == 200)
    }

    @Test func requestInAlreadyCancelledTaskDoesNotStart() async throws {
        let client = CurlHTTPClient()
        defer { client.shutdown() }
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await client.perform(HTTPRequest(url: server.url("/echo")))
        }
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    @Test func shutdownFailsPendingAndLaterRequests() async throws {
        let client = CurlHTTPClient()
        let slow = Task { try await client.perform(HTTPRequest(url: server.url("/slow?ms=30000"))) }
        try await Task.sleep(for: .milliseconds(300))
        client.shutdown()
        // As above: a 200 after 30 s would be the server's answer, CancellationError the shutdown's.
        await #expect(throws: CancellationError.self) { try await slow.value }
        await #expect(throws: CancellationError.self) {
            try await client.perform(HTTPRequest(url: server.url("/echo")))
        }
    }
}
