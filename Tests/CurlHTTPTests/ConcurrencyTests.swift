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
        let started = ContinuousClock.now
        let slowFinished = Mutex(false)
        let slow = Task {
            defer { slowFinished.withLock { $0 = true } }
            return try await client.perform(HTTPRequest(url: server.url("/slow?ms=8000")))
        }
        try await Task.sleep(for: .milliseconds(200))

        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<10 {
                group.addTask { try await client.perform(HTTPRequest(url: server.url("/echo"))).status }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        // The fast requests were answered while the slow one was still waiting: they overlapped.
        let overlapped = slowFinished.withLock { !$0 }
        let slowResponse = try await slow.value
        let slowDone = started.duration(to: .now)

        #expect(statuses == Array(repeating: 200, count: 10))
        #expect(slowResponse.body == Data("slow".utf8))
        #expect(overlapped)
        #expect(slowDone >= .seconds(8))
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
