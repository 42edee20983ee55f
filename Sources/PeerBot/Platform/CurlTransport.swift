import CurlHTTP
import MatrixClient

/// Carries the Matrix client's requests over libcurl.
public struct CurlTransport: HTTPTransport {
    let http: CurlHTTPClient

    public init(http: CurlHTTPClient) { self.http = http }

    /// Media (roster files the bot downloads) may be larger than any other answer.
    static let maxMediaBytes = 64 * 1024 * 1024

    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        let answer = try await http.perform(HTTPRequest(
            method: request.method, url: request.url, headers: request.headers, body: request.body, timeout: request.timeout,
            maxResponseBytes: request.url.contains("/media/") ? Self.maxMediaBytes : HTTPRequest.defaultMaxResponseBytes
        ))
        return TransportResponse(status: answer.status, headers: answer.headers, body: answer.body)
    }
}
