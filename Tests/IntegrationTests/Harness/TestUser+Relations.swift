import Foundation

extension TestUser {
    /// Answers in the thread rooted at `rootID`, as a threads-aware client does: the thread
    /// relation with a reply fallback to the root for clients without threads.
    @discardableResult
    func sendInThread(_ text: String, root rootID: String, in roomID: String) async throws -> String {
        let relation: JSON = [
            "rel_type": "m.thread",
            "event_id": .string(rootID),
            "is_falling_back": true,
            "m.in_reply_to": ["event_id": .string(rootID)],
        ]
        let content: JSON = ["msgtype": "m.text", "body": .string(text), "m.relates_to": relation]
        return try await sendEvent(type: "m.room.message", content: content, in: roomID)
    }

    /// Edits `eventID` (`m.replace`): the new text in `m.new_content`, a `* ` fallback in `body`.
    @discardableResult
    func edit(_ eventID: String, to text: String, in roomID: String) async throws -> String {
        let content: JSON = [
            "msgtype": "m.text",
            "body": .string("* " + text),
            "m.new_content": ["msgtype": "m.text", "body": .string(text)],
            "m.relates_to": ["rel_type": "m.replace", "event_id": .string(eventID)],
        ]
        return try await sendEvent(type: "m.room.message", content: content, in: roomID)
    }

    /// Redacts `eventID` (`PUT /redact`); returns the redaction's event id.
    @discardableResult
    func redact(_ eventID: String, in roomID: String) async throws -> String {
        let path = "/_matrix/client/v3/rooms/\(MatrixHTTP.segment(roomID))/redact/\(MatrixHTTP.segment(eventID))/"
            + MatrixHTTP.segment(nextTransactionID())
        let answer = try await call(.put, path, body: [:])
        guard let redactionID = answer["event_id"]?.string else {
            throw HarnessError.badResponse(path: path, body: answer.text)
        }
        return redactionID
    }

    /// The `key` reactions `sender` put on `eventID`, read from the room's full history.
    func reactions(on eventID: String, in roomID: String, from sender: String, key: String) async throws -> [RoomEvent] {
        try await history(of: roomID).filter {
            $0.type == "m.reaction" && $0.sender == sender && $0.annotates == eventID && $0.reactionKey == key
        }
    }
}

extension RoomEvent {
    /// The event a reaction (`m.annotation`) is on.
    var annotates: String? {
        content["m.relates_to"]?["rel_type"]?.string == "m.annotation" ? content["m.relates_to"]?["event_id"]?.string : nil
    }

    /// The reaction's key, such as "✅".
    var reactionKey: String? { content["m.relates_to"]?["key"]?.string }
}
