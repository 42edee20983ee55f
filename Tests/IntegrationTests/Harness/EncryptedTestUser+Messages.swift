import Foundation

extension EncryptedTestUser {
    /// Sends any room event; encrypted when the room is (reactions too), unless `clear`. Returns the event id.
    @discardableResult
    func sendEvent(type: String, content: JSON, in roomID: String, clear: Bool = false) async throws -> String {
        let answer = try await request("send", [
            "room_id": .string(roomID), "type": .string(type), "content": content, "clear": .bool(clear),
        ])
        guard let eventID = answer["event_id"]?.string else { throw HarnessError.badResponse(path: "nio send", body: answer.text) }
        return eventID
    }

    /// Sends a text message (`m.text`).
    @discardableResult
    func send(_ text: String, in roomID: String) async throws -> String {
        try await sendEvent(type: "m.room.message", content: ["msgtype": "m.text", "body": .string(text)], in: roomID)
    }

    /// Sends `text` as a reply to `eventID` (`m.in_reply_to`).
    @discardableResult
    func send(_ text: String, in roomID: String, replyingTo eventID: String) async throws -> String {
        let content: JSON = [
            "msgtype": "m.text", "body": .string(text),
            "m.relates_to": ["m.in_reply_to": ["event_id": .string(eventID)]],
        ]
        return try await sendEvent(type: "m.room.message", content: content, in: roomID)
    }

    /// Answers in the thread rooted at `rootID`, with the reply fallback a threads-aware client adds.
    @discardableResult
    func sendInThread(_ text: String, root rootID: String, in roomID: String) async throws -> String {
        let relation: JSON = [
            "rel_type": "m.thread", "event_id": .string(rootID), "is_falling_back": true,
            "m.in_reply_to": ["event_id": .string(rootID)],
        ]
        return try await sendEvent(type: "m.room.message", content: ["msgtype": "m.text", "body": .string(text),
                                                                      "m.relates_to": relation], in: roomID)
    }

    /// Edits `eventID` (`m.replace`).
    @discardableResult
    func edit(_ eventID: String, to text: String, in roomID: String) async throws -> String {
        let content: JSON = [
            "msgtype": "m.text", "body": .string("* " + text),
            "m.new_content": ["msgtype": "m.text", "body": .string(text)],
            "m.relates_to": ["rel_type": "m.replace", "event_id": .string(eventID)],
        ]
        return try await sendEvent(type: "m.room.message", content: content, in: roomID)
    }

    /// Reacts to `eventID` with `key`; encrypted in an encrypted room unless `clear`.
    @discardableResult
    func react(to eventID: String, with key: String, in roomID: String, clear: Bool = false) async throws -> String {
        let relation: JSON = ["rel_type": "m.annotation", "event_id": .string(eventID), "key": .string(key)]
        return try await sendEvent(type: "m.reaction", content: ["m.relates_to": relation], in: roomID, clear: clear)
    }

    /// Redacts `eventID` (redactions are never encrypted).
    @discardableResult
    func redact(_ eventID: String, in roomID: String) async throws -> String {
        try await plain.redact(eventID, in: roomID)
    }

    /// Sends `text` encrypted with a fresh Megolm session whose key nobody is given: no one can read it.
    @discardableResult
    func sendUndecryptable(_ text: String, in roomID: String) async throws -> String {
        let answer = try await request("send_unshared", [
            "room_id": .string(roomID), "type": "m.room.message", "content": ["msgtype": "m.text", "body": .string(text)],
        ])
        guard let eventID = answer["event_id"]?.string else { throw HarnessError.badResponse(path: "nio send_unshared", body: answer.text) }
        return eventID
    }

    /// A fresh Megolm session for `roomID` whose key this device keeps to itself until
    /// `shareWithheldKey` gives it away.
    func withholdSession(in roomID: String) async throws -> String {
        let answer = try await request("withhold_session", ["room_id": .string(roomID)])
        guard let sessionID = answer["session_id"]?.string else { throw HarnessError.badResponse(path: "nio withhold_session", body: answer.text) }
        return sessionID
    }

    /// Sends `text` encrypted with a withheld session (`sessionID`, else a fresh one). Returns
    /// the event and the session.
    func sendWithheld(_ text: String, in roomID: String, session sessionID: String? = nil) async throws
        -> (eventID: String, sessionID: String) {
        var arguments: [String: JSON] = [
            "room_id": .string(roomID), "type": "m.room.message", "content": ["msgtype": "m.text", "body": .string(text)],
        ]
        if let sessionID { arguments["session_id"] = .string(sessionID) }
        let answer = try await request("send_withheld", arguments)
        guard let eventID = answer["event_id"]?.string, let sessionID = answer["session_id"]?.string else {
            throw HarnessError.badResponse(path: "nio send_withheld", body: answer.text)
        }
        return (eventID, sessionID)
    }

    /// Whether this device has received room key `sessionID`.
    func hasRoomKey(_ sessionID: String) async throws -> Bool {
        try await request("has_room_key", ["session_id": .string(sessionID)])["held"] == true
    }

    /// Gives the key of a `sendWithheld` session to one device (an Olm-encrypted `m.room_key`):
    /// from before the message, or, with `reachingBack` false, from after it (useless for it).
    func shareWithheldKey(_ sessionID: String, with userID: String, device deviceID: String, reachingBack: Bool = true) async throws {
        _ = try await request("share_withheld", [
            "session_id": .string(sessionID), "user_id": .string(userID), "device_id": .string(deviceID),
            "reach_back": .bool(reachingBack),
        ])
    }

    /// The `m.room_key_request` to-device messages this device has received, oldest first.
    func keyRequests() async throws -> [JSON] {
        try await request("key_requests")["requests"]?.array ?? []
    }

    /// Uploads `data` and posts it as an `m.file`: an encrypted attachment (`file` with key, iv and
    /// hash, no `url`) when the room is encrypted, unless `encrypted` says otherwise.
    @discardableResult
    func sendFile(_ data: Data, filename: String, mimetype: String = "text/csv", in roomID: String,
                  encrypted: Bool? = nil) async throws -> String {
        var arguments: [String: JSON] = [
            "room_id": .string(roomID), "data": .string(data.base64EncodedString()),
            "filename": .string(filename), "mimetype": .string(mimetype),
        ]
        if let encrypted { arguments["encrypted"] = .bool(encrypted) }
        let answer = try await request("send_file", arguments)
        guard let eventID = answer["event_id"]?.string else { throw HarnessError.badResponse(path: "nio send_file", body: answer.text) }
        return eventID
    }

    /// Downloads the file an `m.file`/`m.image` event carries, decrypting an encrypted attachment.
    func download(fileOf event: RoomEvent) async throws -> Data {
        var arguments: [String: JSON] = [:]
        if let file = event.content["file"] {
            arguments = ["mxc": file["url"] ?? .null, "file": file]
        } else {
            arguments = ["mxc": event.content["url"] ?? .null]
        }
        let answer = try await request("download", arguments)
        guard let text = answer["data"]?.string, let data = Data(base64Encoded: text) else {
            throw HarnessError.badResponse(path: "nio download", body: answer.text.prefix(300).description)
        }
        return data
    }
}
