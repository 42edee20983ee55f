/// A transport failure (no HTTP response): libcurl's code and message.
public struct CurlError: Error, Sendable, CustomStringConvertible {
    /// libcurl's `CURLcode`.
    public let code: Int
    public let message: String

    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    /// CURLE_OPERATION_TIMEDOUT: either the connect or the whole-request timeout hit.
    public var isTimeout: Bool { code == 28 }

    /// CURLE_WRITE_ERROR, raised by the body callback when the body passed the request's cap.
    public static func tooLarge(limit: Int) -> CurlError {
        CurlError(code: 23, message: "response body larger than \(limit) bytes")
    }

    public var isTooLarge: Bool { code == 23 && message.hasPrefix("response body larger than") }

    public var description: String { "curl error \(code): \(message)" }
}
