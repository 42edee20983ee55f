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

/// The content of an `m.room.encryption` state event.
public struct EncryptionSettings: Sendable, Equatable {
    public let algorithm: String
    /// `rotation_period_ms`, when it is a whole number.
    public let rotationPeriodMs: Int64?
    /// `rotation_period_msgs`, when it is a whole number.
    public let rotationPeriodMsgs: Int64?
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

    /// `m.room.encryption`'s settings; nil when it names no algorithm (a redacted or odd event),
    /// which therefore cannot make a room plain again.
    public var encryptionSettings: EncryptionSettings? {
        guard let algorithm = content["algorithm"]?.stringValue, !algorithm.isEmpty else { return nil }
        return EncryptionSettings(algorithm: algorithm, rotationPeriodMs: content["rotation_period_ms"]?.intValue,
                                  rotationPeriodMsgs: content["rotation_period_msgs"]?.intValue)
    }

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
