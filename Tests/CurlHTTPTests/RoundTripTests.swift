import CurlHTTP
import Foundation
import Testing

@Suite("Requests and responses round-trip through a real server")
struct RoundTripTests {
    let server = TestServer.shared

    @Test func getSendsHeadersAndReturnsBody() async throws {
        let client = CurlHTTPClient()
        defer { client.shutdown() }
        let response = try await client.perform(HTTPRequest(
            url: server.url("/echo"), headers: ["X-Custom": "abc 123", "Authorization": "Bearer t0k"]))
        let echo = try Echo(response)
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "application/json")
        #expect(echo.method == "GET")
        #expect(echo.headers["x-custom"] == "abc 123")
        #expect(echo.headers["authorization"] == "Bearer t0k")
        #expect(echo.bodyData == Data())
    }

    @Test func postSendsBinaryBodyWithExplicitLength() async throws {
        let client = CurlHTTPClient()
        defer { client.shutdown() }
        let body = Data([0x7B, 0x00, 0x01, 0xFF, 0x00, 0x7D])
        let response = try await client.perform(HTTPRequest(
            method: "POST", url: server.url("/echo"),
            headers: ["Content-Type": "application/octet-stream", "X-Empty": ""], body: body))
        let echo = try Echo(response)
        #expect(echo.method == "POST")
        #expect(echo.bodyData == body)
        #expect(echo.headers["content-length"] == "6")
        #expect(echo.headers["content-type"] == "application/octet-stream")
        #expect(echo.headers["x-empty"] == "")
        #expect(echo.headers["expect"] == nil)
    }

    @Test func postWithoutContentTypeIsNotLabelledAsForm() async throws {
        let client = CurlHTTPClient()
        defer { client.shutdown() }
        let response = try await client.perform(HTTPRequest(
            method: "POST", url: server.url("/echo"), body: Data("{}".utf8)))
        let echo = try Echo(response)
        #expect(echo.headers["content-type"] == nil)
        #expect(echo.bodyData == Data("{}".utf8))
    }

    @Test(arguments: ["PUT", "PATCH", "DELETE"])
    func otherMethodsSendTheirVerbAndBody(method: String) async throws {
        let client = CurlHTTPClient()
        defer { client.shutdown() }
        let body = Data(#"{"msgtype":"m.text","body":"hej"}"#.utf8)
        let response = try await client.perform(HTTPRequest(
            method: method, url: server.url("/echo"), headers: ["Content-Type": "application/json"], body: body))
        let echo = try Echo(response)
        #expect(echo.method == method)
        #expect(echo.bodyData == body)
        #expect(echo.headers["content-type"] == "application/json")
    }

    @Test func deleteWithoutBodySendsNoBody() async throws {
        let client = CurlHTTPClient()
        defer { client.shutdown() }
        let echo = try Echo(try await client.perform(HTTPRequest(method: "DELETE", url: server.url("/echo"))))
        #expect(echo.method == "DELETE")
        #expect(echo.bodyData == Data())
        #expect(echo.headers["content-length"] == nil)
    }

    @Test func headReturnsHeadersWithoutBody() async throws {
        let client = CurlHTTPClient()
        defer { client.shutdown() }
        let response = try await client.perform(HTTPRequest(method: "HEAD", url: server.url("/echo")))
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "application/json")
        #expect(response.body.isEmpty)
    }

    @Test(arguments: [404, 429, 500, 503])
    func errorStatusesAreResponses(status: Int) async throws {
        let client = CurlHTTPClient()
        defer { client.shutdown() }
        let response = try await client.perform(HTTPRequest(url: server.url("/status/\(status)")))
        #expect(response.status == status)
        #expect(response.headers["retry-after"] == "7")
        let json = try JSONSerialization.jsonObject(with: response.body) as? [String: Int]
        #expect(json?["status"] == status)
    }

    @Test func headerNamesAreLowerCasedAndRepeatsJoined() async throws {
        let client = CurlHTTPClient()
        defer { client.shutdown() }
        let response = try await client.perform(HTTPRequest(url: server.url("/headers")))
        #expect(response.headers["x-mixed-case"] == "Value")
        #expect(response.headers["x-repeated"] == "one, two")
        #expect(response.headers.keys.allSatisfy { $0 == $0.lowercased() })
        #expect(response.headers["X-Mixed-Case"] == nil)
    }

    @Test func largeBodyArrivesComplete() async throws {
        let client = CurlHTTPClient()
        defer { client.shutdown() }
        let count = 1_000_000
        let response = try await client.perform(HTTPRequest(url: server.url("/bytes?n=\(count)")))
        let expected = Data((0..<count).map { UInt8($0 % 251) })
        #expect(response.body.count == count)
        #expect(response.body == expected)
    }
}
