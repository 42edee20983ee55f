import CurlHTTP
import MatrixClient

/// Carries the benchmark's Matrix requests over libcurl, as the bot does.
struct BenchTransport: HTTPTransport {
    let http: CurlHTTPClient

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        let answer = try await http.perform(HTTPRequest(
            method: request.method, url: request.url, headers: request.headers, body: request.body, timeout: request.timeout
        ))
        return TransportResponse(status: answer.status, headers: answer.headers, body: answer.body)
    }
}
