import Foundation

/// An error answer from the homeserver: `{"errcode": "M_…", "error": "…"}` with its HTTP status.
public struct MatrixError: Error, Sendable, Equatable, CustomStringConvertible {
    public let status: Int
    public let errcode: String
    public let message: String
    /// From `retry_after_ms` in the body or the `Retry-After` header, whichever is given.
    public let retryAfter: Duration?
    public let softLogout: Bool
    /// The whole error body, for answers that carry more (the `session` and `flows` of a
    /// user-interactive authentication step).
    public let body: JSONValue?

    public init(status: Int, errcode: String, message: String, retryAfter: Duration? = nil, softLogout: Bool = false,
                body: JSONValue? = nil) {
        self.status = status
        self.errcode = errcode
        self.message = message
        self.retryAfter = retryAfter
        self.softLogout = softLogout
        self.body = body
    }

    public var description: String { "\(status) \(errcode): \(message)" }

    /// The access token is invalid or missing (`M_UNKNOWN_TOKEN`, `M_MISSING_TOKEN`, any 401).
    public var isUnknownToken: Bool { errcode == "M_UNKNOWN_TOKEN" || errcode == "M_MISSING_TOKEN" || status == 401 }
    public var isRateLimited: Bool { status == 429 || errcode == "M_LIMIT_EXCEEDED" }
    public var isNotFound: Bool { status == 404 }

    /// Builds the error from a non-2xx response; a body that is not Matrix JSON still yields an error.
    public init(response: TransportResponse) {
        let body = try? JSONDecoder().decode(JSONValue.self, from: response.body)
        var retry: Duration?
        if let millis = body?["retry_after_ms"]?.intValue {
            retry = .milliseconds(millis)
        } else if let header = response.headers["retry-after"], let seconds = Int64(header.trimmingCharacters(in: .whitespaces)) {
            retry = .seconds(seconds)
        }
        let fallback = response.status >= 500 ? "M_UNKNOWN" : "M_UNRECOGNIZED"
        self.init(
            status: response.status,
            errcode: body?["errcode"]?.stringValue ?? fallback,
            message: body?["error"]?.stringValue ?? "HTTP \(response.status)",
            retryAfter: retry,
            softLogout: body?["soft_logout"]?.boolValue ?? false,
            body: body
        )
    }
}

/// Why a call to the homeserver failed.
public enum MatrixClientError: Error, Sendable, CustomStringConvertible {
    /// The homeserver answered with an error.
    case server(MatrixError)
    /// No answer: network failure or timeout.
    case transport(String)
    /// An answer that could not be read.
    case invalidResponse(String)

    public var description: String {
        switch self {
        case .server(let error): "homeserver error \(error)"
        case .transport(let message): "network error: \(message)"
        case .invalidResponse(let message): "unreadable answer: \(message)"
        }
    }

    public var matrixError: MatrixError? {
        if case .server(let error) = self { return error }
        return nil
    }
}
