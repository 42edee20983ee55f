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
    /// The most body bytes accepted, counted after decompression, so a small compressed answer
    /// cannot inflate without bound; a larger body fails the request with `CurlError.tooLarge`.
    public var maxResponseBytes: Int

    /// Enough for any `/sync` answer the bot asks for (a timeline limit of 200 per room).
    public static let defaultMaxResponseBytes = 16 * 1024 * 1024

    public init(
        method: String = "GET",
        url: String,
        headers: [String: String] = [:],
        body: Data? = nil,
        timeout: Duration = .seconds(30),
        maxResponseBytes: Int = HTTPRequest.defaultMaxResponseBytes
    ) {
        self.maxResponseBytes = maxResponseBytes
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}
