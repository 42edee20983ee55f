import CurlHTTP
import Foundation
import Synchronization
import Testing

@Suite("Concurrent and repeated requests")
struct ConcurrencyTests {
    let server = TestServer.shared

    @Test func fastRequestsOverlapASlowOne() async throws {
        let client = CurlHTTPClient()
        defer { client.shutdown() }
        // The server holds the slow request until the test releases it, so "still waiting" does
        // not depend on how fast a busy machine serves the fast ones.
        let key = UUID().uuidString
        let slowFinished = Mutex(false)
        let slow = Task {
            defer { slowFinished.withLock { $0 = true } }
            return try await client.perform(HTTPRequest(url: server.url("/hold/\(key)")))
        }
        // The slow request has reached the server before the fast ones start.
        while try await client.perform(HTTPRequest(url: server.url("/held/\(key)"))).body != Data("yes".utf8) {
            try await Task.sleep(for: .milliseconds(20))
        }

        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<10 {
                group.addTask { try await client.perform(HTTPRequest(url: server.url("/echo"))).status }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        // The fast requests were answered while the slow one was still waiting: they overlapped.
        let overlapped = slowFinished.withLock { !$0 }
        _ = try await client.perform(HTTPRequest(url: server.url("/release/\(key)")))
        let slowResponse = try await slow.value

        #expect(statuses == Array(repeating: 200, count: 10))
        #expect(slowResponse.body == Data("held".utf8))
        #expect(overlapped)
    }

    @Test func sequentialRequestsReuseTheConnection() async throws {
        let client = CurlHTTPClient()
        defer { client.shutdown() }
        var clientPorts = Set<Int>()
        for index in 0..<200 {
            let response = try await client.perform(HTTPRequest(
                method: "POST", url: server.url("/echo"), body: Data("request \(index)".utf8)))
            let echo = try Echo(response)
            #expect(echo.bodyData == Data("request \(index)".utf8))
            clientPorts.insert(echo.clientPort)
        }
        #expect(clientPorts.count <= 2)
    }

    @Test func clientsCanBeCreatedAndDroppedRepeatedly() async throws {
        for _ in 0..<20 {
            let client = CurlHTTPClient()
            let response = try await client.perform(HTTPRequest(url: server.url("/echo")))
            #expect(response.status == 200)
        }
    }
}
