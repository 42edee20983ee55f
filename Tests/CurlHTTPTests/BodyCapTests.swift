import CurlHTTP
import Foundation
import Testing

@Suite("Response bodies are capped, after decompression")
struct BodyCapTests {
    let server = TestServer.shared

    @Test func aBodyUpToTheCapArrivesWhole() async throws {
        let client = CurlHTTPClient()
        defer { client.shutdown() }
        let response = try await client.perform(HTTPRequest(url: server.url("/bytes?n=1000"), maxResponseBytes: 1000))
        #expect(response.body.count == 1000)
    }

    @Test func aBodyPastTheCapFailsTheRequest() async throws {
        let client = CurlHTTPClient()
        defer { client.shutdown() }
        let error = await #expect(throws: CurlError.self) {
            try await client.perform(HTTPRequest(url: server.url("/bytes?n=1001"), maxResponseBytes: 1000))
        }
        #expect(error?.isTooLarge == true)
    }

    @Test func aSmallCompressedBodyThatInflatesPastTheCapFails() async throws {
        let client = CurlHTTPClient()
        defer { client.shutdown() }
        // 8 MiB of zeros compress to a few kilobytes on the wire.
        let error = await #expect(throws: CurlError.self) {
            try await client.perform(HTTPRequest(url: server.url("/gzip?n=8388608"), maxResponseBytes: 1024 * 1024))
        }
        #expect(error?.isTooLarge == true)
        let fits = try await client.perform(HTTPRequest(url: server.url("/gzip?n=4096"), maxResponseBytes: 1024 * 1024))
        #expect(fits.body == Data(count: 4096))
    }
}
