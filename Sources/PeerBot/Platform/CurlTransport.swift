import CurlHTTP
import MatrixClient

/// Carries the Matrix client's requests over libcurl.
public struct CurlTransport: HTTPTransport {
    let http: CurlHTTPClient

    public init(http: CurlHTTPClient) { self.http = http }

    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        let answer = try await http.perform(HTTPRequest(
            method: request.method, url: request.url, headers: request.headers, body: request.body, timeout: request.timeout
        ))
        return TransportResponse(status: answer.status, headers: answer.headers, body: answer.body)
    }
}
