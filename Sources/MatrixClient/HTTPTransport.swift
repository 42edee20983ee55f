import Foundation

/// One request as the Matrix client hands it to a transport.
public struct TransportRequest: Sendable, Equatable {
    public var method: String
    public var url: String
    public var headers: [String: String]
    public var body: Data?
    public var timeout: Duration

    public init(method: String, url: String, headers: [String: String] = [:], body: Data? = nil, timeout: Duration = .seconds(30)) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

/// One response from a transport; header names are lower-cased.
public struct TransportResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Carries HTTP requests; the bot uses libcurl, tests use an in-memory fake.
public protocol HTTPTransport: Sendable {
    /// Performs the request. Throws only when no HTTP response arrived (network, timeout, cancellation).
    func send(_ request: TransportRequest) async throws -> TransportResponse
}
