import Foundation

/// One HTTP request.
public struct HTTPRequest: Sendable {
    /// "GET", "POST", "PUT", "DELETE" or any other method name.
    public var method: String
    public var url: String
    public var headers: [String: String]
    public var body: Data?
    /// Limit for the whole request, from connecting to the last body byte.
    public var timeout: Duration

    public init(
        method: String = "GET",
        url: String,
        headers: [String: String] = [:],
        body: Data? = nil,
        timeout: Duration = .seconds(30)
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}
