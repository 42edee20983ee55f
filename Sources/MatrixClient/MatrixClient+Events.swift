import Foundation

extension MatrixClient {
    /// Sends an event. The same `txnID` from the same device yields the same event, never a second one.
    @discardableResult
    public func send(roomID: String, eventType: String, txnID: String, content: JSONValue) async throws -> String {
        let path = "/_matrix/client/v3/rooms/\(Self.encode(roomID))/send/\(Self.encode(eventType))/\(Self.encode(txnID))"
        let answer = try await call("PUT", path, json: content, as: JSONValue.self)
        guard let eventID = answer["event_id"]?.stringValue else { throw MatrixClientError.invalidResponse("send without event_id") }
        return eventID
    }

    /// Sends an `m.annotation` reaction.
    @discardableResult
    public func react(roomID: String, to eventID: String, key: String, txnID: String) async throws -> String {
        let content: JSONValue = ["m.relates_to": ["rel_type": "m.annotation", "event_id": .string(eventID), "key": .string(key)]]
        return try await send(roomID: roomID, eventType: "m.reaction", txnID: txnID, content: content)
    }

    @discardableResult
    public func redact(roomID: String, eventID: String, txnID: String, reason: String?) async throws -> String {
        let path = "/_matrix/client/v3/rooms/\(Self.encode(roomID))/redact/\(Self.encode(eventID))/\(Self.encode(txnID))"
        let body: JSONValue = reason.map { ["reason": .string($0)] } ?? [:]
        let answer = try await call("PUT", path, json: body, as: JSONValue.self)
        return answer["event_id"]?.stringValue ?? ""
    }

    /// Marks an event as read, so its sender sees the bot has it.
    public func markRead(roomID: String, eventID: String) async throws {
        _ = try await call("POST", "/_matrix/client/v3/rooms/\(Self.encode(roomID))/receipt/m.read/\(Self.encode(eventID))", json: [:])
    }
}

/// Builds message content: text, replies, mentions.
public enum MessageContent {
    /// `m.notice`/`m.text` content, with HTML when given (the caller escapes user text in it).
    public static func message(body: String, html: String? = nil, msgtype: String = "m.notice", inReplyTo: String? = nil) -> [String: JSONValue] {
        var content: [String: JSONValue] = ["msgtype": .string(msgtype), "body": .string(body)]
        if let html {
            content["format"] = "org.matrix.custom.html"
            content["formatted_body"] = .string(html)
        }
        if let inReplyTo {
            content["m.relates_to"] = ["m.in_reply_to": ["event_id": .string(inReplyTo)]]
        }
        return content
    }
}
