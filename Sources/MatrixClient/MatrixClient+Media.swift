import Foundation

extension MatrixClient {
    /// Uploads a file and returns its `mxc://` URI.
    public func upload(_ data: Data, contentType: String, filename: String) async throws -> String {
        let body = try await call("POST", "/_matrix/media/v3/upload", query: [("filename", filename)], body: data, contentType: contentType)
        guard let answer = try? JSONDecoder().decode(JSONValue.self, from: body), let uri = answer["content_uri"]?.stringValue else {
            throw MatrixClientError.invalidResponse("upload without content_uri")
        }
        return uri
    }

    /// Downloads `mxc://server/id` through authenticated media, falling back to the legacy endpoint.
    public func download(_ mxc: String) async throws -> Data {
        guard let (server, mediaID) = Self.parseMXC(mxc) else {
            throw MatrixClientError.invalidResponse("not an mxc URI: \(mxc)")
        }
        let tail = "\(Self.encode(server))/\(Self.encode(mediaID))"
        do {
            return try await call("GET", "/_matrix/client/v1/media/download/\(tail)")
        } catch let error as MatrixClientError where error.matrixError.map({ $0.status == 404 && $0.errcode == "M_UNRECOGNIZED" }) == true {
            return try await call("GET", "/_matrix/media/v3/download/\(tail)")
        }
    }

    /// Splits `mxc://server/id`; nil for anything else.
    public static func parseMXC(_ uri: String) -> (server: String, mediaID: String)? {
        guard uri.hasPrefix("mxc://") else { return nil }
        let parts = uri.dropFirst(6).split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !parts[1].contains("/") else { return nil }
        return (parts[0], parts[1])
    }
}
