/// A member's state in a room (`m.room.member`'s `membership`).
public enum RoomMembership: Sendable, Equatable {
    case invite, join, knock, leave, ban
    case other(String)

    public init(_ raw: String) {
        switch raw {
        case "invite": self = .invite
        case "join": self = .join
        case "knock": self = .knock
        case "leave": self = .leave
        case "ban": self = .ban
        default: self = .other(raw)
        }
    }

    /// The word as Matrix writes it.
    public var rawValue: String {
        switch self {
        case .invite: return "invite"
        case .join: return "join"
        case .knock: return "knock"
        case .leave: return "leave"
        case .ban: return "ban"
        case .other(let raw): return raw
        }
    }
}

extension ClientEvent {
    /// The content read as a message's fields (meaningful for `m.room.message`).
    public var messageContent: ReceivedMessage { ReceivedMessage(content) }

    /// What `m.relates_to` says, for any event type (reactions relate too).
    public var relation: EventRelation? { EventRelation(content["m.relates_to"]) }

    /// `membership` of an `m.room.member` event; nil when missing or not text.
    public var membership: RoomMembership? { content["membership"]?.stringValue.map(RoomMembership.init) }

    /// `displayname` of an `m.room.member` event; nil when missing or not text.
    public var displayName: String? { content["displayname"]?.stringValue }

    /// `replacement_room` of an `m.room.tombstone`.
    public var replacementRoomID: String? { content["replacement_room"]?.stringValue }

    /// True when this is `userID`'s own join (an `m.room.member` with that state key).
    public func isJoin(of userID: String) -> Bool {
        type == "m.room.member" && stateKey == userID && membership == .join
    }
}

extension StrippedStateEvent {
    /// `membership` of an `m.room.member` event; nil when missing or not text.
    public var membership: RoomMembership? { content["membership"]?.stringValue.map(RoomMembership.init) }

    /// `is_direct` of an invite: true only when it is the boolean true.
    public var isDirect: Bool { content["is_direct"]?.boolValue == true }
}
