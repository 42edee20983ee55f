import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The test's own minimal Matrix HTTP client (URLSession), independent of the bot's code.
struct MatrixHTTP: Sendable {
    let baseURL: URL
    /// How long a request may keep being retried on 429 before the test gives up.
    var rateLimitPatience: Duration = .seconds(600)

    enum Method: String, Sendable { case get = "GET", post = "POST", put = "PUT" }

    /// The session every test's requests go through. `URLSession.shared` opens at most 6
    /// connections to a host and queues the rest, and tests running at the same time each hold
    /// long-polling `/sync` requests open against the same Synapse.
    static let session: URLSession = {
        let configuration = URLSessionConfiguration.default
        configuration.httpMaximumConnectionsPerHost = 256
        return URLSession(configuration: configuration)
    }()

    /// `session.data(for:)` without its cancellation handler. In swift-corelibs-foundation,
    /// cancelling a task (a task group giving up after one member failed) while the session
    /// completes that task's request deadlocks the session, and with it every test; a cancelled
    /// request here simply runs to its own timeout.
    static func data(for request: URLRequest) async throws -> (Data, URLResponse) {
        try await withCheckedThrowingContinuation { continuation in
            session.dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(throwing: error)
                } else if let response {
                    continuation.resume(returning: (data ?? Data(), response))
                } else {
                    continuation.resume(throwing: URLError(.badServerResponse))
                }
            }.resume()
        }
    }

    /// Percent-encodes one path segment (room ids, event ids and user ids hold `!`, `$`, `:`, `@`).
    static func segment(_ raw: String) -> String {
        let allowed = CharacterSet(charactersIn:
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return raw.addingPercentEncoding(withAllowedCharacters: allowed) ?? raw
    }

    /// Sends one request; retries while the homeserver answers 429, honouring its delay.
    func request(
        _ method: Method,
        _ path: String,
        query: [String: String] = [:],
        body: JSON? = nil,
        token: String? = nil,
        timeout: Duration = Polling.patience
    ) async throws -> JSON {
        let request = try makeRequest(method, path, query: query, body: body, token: token, timeout: timeout)
        let clock = ContinuousClock()
        let giveUp = clock.now.advanced(by: rateLimitPatience)
        while true {
            let (data, response) = try await send(request, method: method, path: path)
            let json = (try? JSONDecoder().decode(JSON.self, from: data)) ?? .null
            if (200..<300).contains(response.statusCode) { return json }
            let errcode = json["errcode"]?.string ?? "HTTP_\(response.statusCode)"
            if response.statusCode == 429, clock.now < giveUp {
                try await Task.sleep(for: Self.retryDelay(json, response))
                continue
            }
            throw HarnessError.matrix(
                method: method.rawValue, path: path, status: response.statusCode,
                errcode: errcode, message: json["error"]?.string ?? String(decoding: data, as: UTF8.self))
        }
    }

    private func makeRequest(
        _ method: Method, _ path: String, query: [String: String], body: JSON?, token: String?, timeout: Duration
    ) throws -> URLRequest {
        var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false)!
        components.percentEncodedPath = path
        if !query.isEmpty {
            components.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        }
        var request = URLRequest(url: components.url!)
        request.httpMethod = method.rawValue
        request.timeoutInterval = Double(timeout.components.seconds) + 1
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = try JSONEncoder().encode(body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        } else if method != .get {
            request.httpBody = Data("{}".utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        return request
    }

    private func send(_ request: URLRequest, method: Method, path: String) async throws -> (Data, HTTPURLResponse) {
        do {
            let (data, response) = try await Self.data(for: request)
            guard let http = response as? HTTPURLResponse else {
                throw HarnessError.badResponse(path: path, body: "not an HTTP response")
            }
            return (data, http)
        } catch let error as HarnessError {
            throw error
        } catch {
            throw HarnessError.transport(method: method.rawValue, path: path, underlying: "\(error)")
        }
    }

    private static func retryDelay(_ json: JSON, _ response: HTTPURLResponse) -> Duration {
        if let millis = json["retry_after_ms"]?.int { return .milliseconds(max(millis, 50)) }
        if let header = response.value(forHTTPHeaderField: "Retry-After"), let seconds = Int(header) {
            return .seconds(max(seconds, 1))
        }
        return .seconds(1)
    }
}
