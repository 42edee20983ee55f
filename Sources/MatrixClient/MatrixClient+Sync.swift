import Foundation

extension MatrixClient {
    /// One `/sync`. The request's own timeout is the long-poll time plus the ordinary one.
    public func sync(since: String?, timeout: Duration, filter: String? = nil) async throws -> SyncResponse {
        var query: [(String, String)] = [("timeout", String(timeout.milliseconds))]
        if let since { query.append(("since", since)) }
        if let filter { query.append(("filter", filter)) }
        let data = try await call("GET", "/_matrix/client/v3/sync", query: query, timeout: timeout + requestTimeout)
        return try Self.decodeSync(data)
    }

    /// Decodes a `/sync` body; public so recorded bodies can be replayed. Read by `JSONScanner`
    /// to the same result as `JSONDecoder` with the `Decodable` conformances, several times faster.
    public static func decodeSync(_ data: Data) throws -> SyncResponse {
        do {
            return try SyncResponse.scan(data)
        } catch {
            throw MatrixClientError.invalidResponse("sync: \(error)")
        }
    }

    /// Pages back through a room's timeline from `from` (a `prev_batch`), newest first.
    public func messages(roomID: String, from: String, limit: Int = 100) async throws -> MessagesPage {
        try await call(
            "GET", "/_matrix/client/v3/rooms/\(Self.encode(roomID))/messages",
            query: [("dir", "b"), ("from", from), ("limit", String(limit))],
            as: MessagesPage.self
        )
    }
}

extension Duration {
    /// Whole milliseconds, rounded down.
    public var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
