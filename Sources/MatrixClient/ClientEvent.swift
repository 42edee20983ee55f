import Foundation

/// A room event as `/sync` and `/messages` deliver it.
public struct ClientEvent: Codable, Sendable, Equatable {
    public var type: String
    public var sender: String
    public var eventID: String
    public var originServerTS: Int64
    public var content: JSONValue
    public var stateKey: String?
    /// Top-level `redacts` (rooms before v11); read `content.redacts` first.
    public var redacts: String?
    public var unsigned: JSONValue?

    public init(type: String, sender: String, eventID: String, originServerTS: Int64, content: JSONValue, stateKey: String? = nil, redacts: String? = nil, unsigned: JSONValue? = nil) {
        self.type = type
        self.sender = sender
        self.eventID = eventID
        self.originServerTS = originServerTS
        self.content = content
        self.stateKey = stateKey
        self.redacts = redacts
        self.unsigned = unsigned
    }

    enum CodingKeys: String, CodingKey {
        case type, sender, content, redacts, unsigned
        case eventID = "event_id"
        case originServerTS = "origin_server_ts"
        case stateKey = "state_key"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decode(String.self, forKey: .type)
        sender = try c.decode(String.self, forKey: .sender)
        eventID = try c.decode(String.self, forKey: .eventID)
        // A time that is not a whole number in range reads as unknown (0); the router bounds it anyway.
        originServerTS = (try? c.decodeIfPresent(Int64.self, forKey: .originServerTS)) ?? 0
        content = try c.decodeIfPresent(JSONValue.self, forKey: .content) ?? .object([:])
        stateKey = try c.decodeIfPresent(String.self, forKey: .stateKey)
        redacts = try c.decodeIfPresent(String.self, forKey: .redacts)
        unsigned = try c.decodeIfPresent(JSONValue.self, forKey: .unsigned)
    }

    /// The event a redaction removes: `content.redacts` (room v11+), else the top-level field.
    public var redactedEventID: String? {
        content["redacts"]?.stringValue ?? redacts
    }

    /// True for a redacted event: its content was emptied by the server.
    public var isRedacted: Bool {
        content.objectValue?.isEmpty ?? true
    }
}

/// A stripped state event of an invite.
public struct StrippedStateEvent: Codable, Sendable, Equatable {
    public var type: String
    public var sender: String
    public var stateKey: String
    public var content: JSONValue

    public init(type: String, sender: String, stateKey: String, content: JSONValue) {
        self.type = type
        self.sender = sender
        self.stateKey = stateKey
        self.content = content
    }

    enum CodingKeys: String, CodingKey {
        case type, sender, content
        case stateKey = "state_key"
    }
}
