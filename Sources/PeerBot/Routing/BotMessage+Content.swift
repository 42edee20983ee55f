import MatrixClient
import PeerBotStore
import PeerLearning

extension BotMessage {
    /// The event content this message renders to (see `RenderedMessage.content`).
    func content(inReplyTo eventID: String? = nil, mention userID: String? = nil, mentions: [String] = []) -> JSONValue {
        rendered.content(inReplyTo: eventID, mention: userID, mentions: mentions)
    }
}

extension RenderedMessage {
    /// The event content for this message, with the `peerbot.*` marks of SPEC: `m.text`
    /// mentioning `userID`, `mentions` and the people the document mentions when its kind asks
    /// them to act, so their clients notify them; a reply to a command (`eventID`) is a quiet
    /// `m.notice` naming no one.
    func content(inReplyTo eventID: String? = nil, mention userID: String? = nil, mentions: [String] = []) -> JSONValue {
        let concerned = (userID.map { [$0] } ?? []) + mentions + self.mentions
        let delivery = MessageDelivery.of(kind, isAnswer: eventID != nil, concerned: concerned)
        var content = MessageContent.message(body: body, html: html, msgtype: delivery.msgtype, inReplyTo: eventID)
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
        if delivery.carriesMentions {
            content["m.mentions"] = ["user_ids": .array(delivery.mentions.map { .string($0) })]
        }
        return .object(content)
    }
}

extension StoreWriter {
    /// Queues an `m.room.message` with `content` for `roomID`: a room id, or a `ref:` the outbox
    /// resolves when it sends.
    @discardableResult
    func enqueueMessage(_ content: JSONValue, to roomID: String) throws -> OutboxItem {
        try outbox.enqueue(.send(roomID: roomID, eventType: "m.room.message", contentJSON: content.jsonString()))
    }

    /// `message` rendered, with every student its HTML names by roster name turned into a pill.
    /// `pills` are the roster's names as a batch prepared them; without them the roster is read.
    func named(_ message: BotMessage, pills: PillNames? = nil) throws -> RenderedMessage {
        let rendered = message.rendered
        guard rendered.html != nil else { return rendered }
        return rendered.naming(try pills ?? PillNames(roster.names().map { .init(userID: $0.userID, name: $0.name) }))
    }

    /// Queues `message` for `roomID`, as a reply to `eventID`, or else naming `userID` and
    /// `mentions` as the people it asks to act. Every student it names by roster name becomes a
    /// pill in its HTML. A message too large for one event is queued as numbered parts (see
    /// `RenderedMessage.split`); the first part is returned, as the one later events (replies,
    /// threads) hang on.
    @discardableResult
    func enqueue(_ message: BotMessage, to roomID: String, inReplyTo eventID: String? = nil, mention userID: String? = nil,
                 mentions: [String] = [], pills: PillNames? = nil) throws -> OutboxItem
    {
        let message = try named(message, pills: pills)
        let content = { (part: RenderedMessage) in part.content(inReplyTo: eventID, mention: userID, mentions: mentions) }
        // The whole message is serialised first to see if it fits; that text is the row when it does.
        var wholeJSON: String?
        let parts = message.split { part in
            let json = content(part).jsonString()
            if wholeJSON == nil { wholeJSON = json }
            return json.utf8.count <= MessageBudget.contentBytes
        }
        if parts == [message], let wholeJSON {
            return try outbox.enqueue(.send(roomID: roomID, eventType: "m.room.message", contentJSON: wholeJSON))
        }
        var first: OutboxItem?
        for part in parts {
            let item = try enqueueMessage(content(part), to: roomID)
            first = first ?? item
        }
        guard let first else { return try enqueueMessage(content(message), to: roomID) }
        return first
    }
}
