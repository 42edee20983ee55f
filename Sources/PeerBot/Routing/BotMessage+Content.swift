import MatrixClient
import PeerBotStore
import PeerLearning

extension BotMessage {
    /// The event content for this message, with the `peerbot.*` marks of SPEC; `m.text` for
    /// a message that asks someone to act, so their client notifies them.
    func content(inReplyTo eventID: String? = nil, mention userID: String? = nil, msgtype: String = "m.notice") -> JSONValue {
        var content = MessageContent.message(body: body, html: html, msgtype: msgtype, inReplyTo: eventID)
        content["peerbot.kind"] = .string(kind.rawValue)
        if let group { content["peerbot.group"] = .string(group) }
        if let session { content["peerbot.session"] = .int(Int64(session)) }
        if let error { content["peerbot.error"] = .string(error.rawValue) }
        if let subject { content["peerbot.subject"] = .string(subject) }
        if let scores { content["peerbot.scores"] = .object(scores.mapValues { .string($0) }) }
        if let part, let parts {
            content["peerbot.part"] = .int(Int64(part))
            content["peerbot.parts"] = .int(Int64(parts))
        }
        content["m.mentions"] = ["user_ids": .array(userID.map { [.string($0)] } ?? [])]
        return .object(content)
    }
}

extension StoreWriter {
    /// Queues an `m.room.message` with `content` for `roomID`: a room id, or a `ref:` the outbox
    /// resolves when it sends.
    @discardableResult
    func enqueueMessage(_ content: JSONValue, to roomID: String) throws -> OutboxItem {
        try enqueue(.send(roomID: roomID, eventType: "m.room.message", contentJSON: content.jsonString()))
    }

    /// Queues `message` for `roomID`, as a reply to `eventID` and mentioning `userID` when given.
    /// A message too large for one event is queued as numbered parts (see `BotMessage.split`);
    /// the first part is returned, as the one later events (replies, threads) hang on.
    @discardableResult
    func enqueue(_ message: BotMessage, to roomID: String, inReplyTo eventID: String? = nil, mention userID: String? = nil) throws
        -> OutboxItem
    {
        let parts = message.split { $0.content(inReplyTo: eventID, mention: userID).jsonString().utf8.count <= MessageBudget.contentBytes }
        var first: OutboxItem?
        for part in parts {
            let item = try enqueueMessage(part.content(inReplyTo: eventID, mention: userID), to: roomID)
            first = first ?? item
        }
        guard let first else { return try enqueueMessage(message.content(inReplyTo: eventID, mention: userID), to: roomID) }
        return first
    }
}
