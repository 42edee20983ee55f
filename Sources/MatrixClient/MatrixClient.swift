import Foundation

/// A client of the Matrix Client-Server API for one account. Knows nothing of peer learning.
public struct MatrixClient: Sendable {
    public let homeserver: String
    public let accessToken: String?
    public let transport: any HTTPTransport
    /// Timeout for ordinary calls; `/sync` adds its long-poll time to this.
    public var requestTimeout: Duration = .seconds(30)
    /// Timeout for `createRoom`: a busy homeserver takes long to make a room and goes on making
    /// it after the caller gave up, and a caller that gave up too soon may make a second one.
    public var roomCreationTimeout: Duration = .seconds(120)

    public init(homeserver: String, accessToken: String?, transport: any HTTPTransport) {
        var base = homeserver
        while base.hasSuffix("/") { base.removeLast() }
        self.homeserver = base
        self.accessToken = accessToken
        self.transport = transport
    }

    /// The same client with another token (after login).
    public func with(accessToken: String) -> MatrixClient {
        var copy = MatrixClient(homeserver: homeserver, accessToken: accessToken, transport: transport)
        copy.requestTimeout = requestTimeout
        copy.roomCreationTimeout = roomCreationTimeout
        return copy
    }

    /// Performs one call and returns the raw body of a 2xx answer.
    public func call(
        _ method: String,
        _ path: String,
        query: [(String, String)] = [],
        json: JSONValue? = nil,
        body: Data? = nil,
        contentType: String? = nil,
        timeout: Duration? = nil
    ) async throws -> Data {
        var url = homeserver + path
        if !query.isEmpty {
            url += "?" + query.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        }
        var headers: [String: String] = [:]
        if let accessToken { headers["Authorization"] = "Bearer \(accessToken)" }
        var payload = body
        if let json {
            payload = try JSONEncoder().encode(json)
            headers["Content-Type"] = "application/json"
        } else if let contentType {
            headers["Content-Type"] = contentType
        }
        let request = TransportRequest(method: method, url: url, headers: headers, body: payload, timeout: timeout ?? requestTimeout)
        let response: TransportResponse
        do {
            response = try await transport.send(request)
        } catch let error as CancellationError {
            throw error
        } catch {
            throw MatrixClientError.transport(String(describing: error))
        }
        guard (200..<300).contains(response.status) else {
            throw MatrixClientError.server(MatrixError(response: response))
        }
        return response.body
    }

    /// Performs one call and decodes its JSON answer.
    public func call<Answer: Decodable>(
        _ method: String,
        _ path: String,
        query: [(String, String)] = [],
        json: JSONValue? = nil,
        timeout: Duration? = nil,
        as type: Answer.Type
    ) async throws -> Answer {
        let data = try await call(method, path, query: query, json: json, timeout: timeout)
        do {
            return try JSONDecoder().decode(Answer.self, from: data)
        } catch {
            throw MatrixClientError.invalidResponse("\(path): \(error)")
        }
    }

    /// Percent-encodes one path segment or query value: ids contain `!`, `:`, `$`, `#`, `/`, `+`.
    public static func encode(_ component: String) -> String {
        component.addingPercentEncoding(withAllowedCharacters: unreserved) ?? component
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}

/// The answer of a call whose answer the bot does not need.
struct IgnoredAnswer: Decodable {}
