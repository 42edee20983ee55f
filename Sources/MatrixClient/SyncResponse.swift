import Foundation

/// The parts of a `/sync` answer the bot reads.
public struct SyncResponse: Decodable, Sendable {
    public var nextBatch: String
    public var rooms: Rooms
    /// To-device events, device-list changes and key counts (end-to-end encryption).
    public var encryption = SyncEncryption()

    /// Rooms by membership.
    public struct Rooms: Decodable, Sendable {
        public var join: [String: JoinedRoom] = [:]
        public var invite: [String: InvitedRoom] = [:]
        public var leave: [String: LeftRoom] = [:]

        public init(join: [String: JoinedRoom] = [:], invite: [String: InvitedRoom] = [:], leave: [String: LeftRoom] = [:]) {
            self.join = join
            self.invite = invite
            self.leave = leave
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            join = try c.decodeIfPresent([String: JoinedRoom].self, forKey: .join) ?? [:]
            invite = try c.decodeIfPresent([String: InvitedRoom].self, forKey: .invite) ?? [:]
            leave = try c.decodeIfPresent([String: LeftRoom].self, forKey: .leave) ?? [:]
        }

        enum CodingKeys: String, CodingKey { case join, invite, leave }
    }

    public init(nextBatch: String, rooms: Rooms = Rooms()) {
        self.nextBatch = nextBatch
        self.rooms = rooms
    }

    enum CodingKeys: String, CodingKey {
        case nextBatch = "next_batch", rooms
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        nextBatch = try c.decode(String.self, forKey: .nextBatch)
        rooms = try c.decodeIfPresent(Rooms.self, forKey: .rooms) ?? Rooms()
        encryption = SyncEncryption(from: decoder)
    }
}

/// A timeline slice: the newest events, and whether older ones were left out.
public struct Timeline: Decodable, Sendable {
    public var events: [ClientEvent]
    public var limited: Bool
    public var prevBatch: String?

    public init(events: [ClientEvent], limited: Bool = false, prevBatch: String? = nil) {
        self.events = events
        self.limited = limited
        self.prevBatch = prevBatch
    }

    enum CodingKeys: String, CodingKey {
        case events, limited
        case prevBatch = "prev_batch"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        events = try c.decodeLossy([ClientEvent].self, forKey: .events)
        limited = try c.decodeIfPresent(Bool.self, forKey: .limited) ?? false
        prevBatch = try c.decodeIfPresent(String.self, forKey: .prevBatch)
    }
}

/// A room the account is joined to.
public struct JoinedRoom: Decodable, Sendable {
    public var timeline: Timeline
    public var state: [ClientEvent]

    public init(timeline: Timeline, state: [ClientEvent] = []) {
        self.timeline = timeline
        self.state = state
    }

    enum CodingKeys: String, CodingKey { case timeline, state }
    enum EventsKey: String, CodingKey { case events }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        timeline = try c.decodeIfPresent(Timeline.self, forKey: .timeline) ?? Timeline(events: [])
        if c.contains(.state) {
            let s = try c.nestedContainer(keyedBy: EventsKey.self, forKey: .state)
            state = try s.decodeLossy([ClientEvent].self, forKey: .events)
        } else {
            state = []
        }
    }
}

/// A room the account is invited to.
public struct InvitedRoom: Decodable, Sendable {
    public var events: [StrippedStateEvent]

    public init(events: [StrippedStateEvent]) { self.events = events }

    enum CodingKeys: String, CodingKey { case inviteState = "invite_state" }
    enum EventsKey: String, CodingKey { case events }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if c.contains(.inviteState) {
            let s = try c.nestedContainer(keyedBy: EventsKey.self, forKey: .inviteState)
            events = try s.decodeLossy([StrippedStateEvent].self, forKey: .events)
        } else {
            events = []
        }
    }

    /// The membership event that invited `userID`: its sender is the inviter.
    public func invite(of userID: String) -> StrippedStateEvent? {
        events.last { $0.type == "m.room.member" && $0.stateKey == userID && $0.membership == .invite }
    }
}

/// A room the account left or was removed from; its timeline ends with the membership that did it.
public struct LeftRoom: Decodable, Sendable {
    public var timeline: Timeline

    public init(timeline: Timeline = Timeline(events: [])) { self.timeline = timeline }

    enum CodingKeys: String, CodingKey { case timeline }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        timeline = (try? c.decodeIfPresent(Timeline.self, forKey: .timeline)) ?? Timeline(events: [])
    }

    /// The last change of `userID`'s own membership: who made it and what it became.
    public func membership(of userID: String) -> ClientEvent? {
        timeline.events.last { $0.type == "m.room.member" && $0.stateKey == userID }
    }
}

/// One page of `/rooms/{id}/messages`.
public struct MessagesPage: Decodable, Sendable {
    public var chunk: [ClientEvent]
    public var end: String?

    enum CodingKeys: String, CodingKey { case chunk, end }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        chunk = try c.decodeLossy([ClientEvent].self, forKey: .chunk)
        end = try c.decodeIfPresent(String.self, forKey: .end)
    }
}
