import Foundation

extension JSONScanner {
    /// An object of any keys (room ids) to values read by `body`.
    mutating func scanMap<T>(_ body: (inout JSONScanner) throws -> T) throws -> [String: T] {
        var map: [String: T] = [:]
        try beginObject()
        var first = true
        while let key = try nextKey(first: &first) {
            map[string(of: key)] = try body(&self)
        }
        return map
    }

    /// An object whose member `key` is an event array (`state`, `invite_state`); it must be an
    /// object, the array may be missing or null.
    mutating func scanEventsObject(key name: StaticString) throws -> [ClientEvent] {
        var events: [ClientEvent] = []
        try beginObject()
        var first = true
        while let key = try nextKey(first: &first) {
            if matches(key, name) { events = try scanEvents() } else { try skipValue() }
        }
        return events
    }

    /// An event array (null reads as empty); an element that is not a well-formed event is left out.
    mutating func scanEvents() throws -> [ClientEvent] {
        if try takeNull() { return [] }
        var events: [ClientEvent] = []
        try beginArray()
        var first = true
        while try nextElement(first: &first) {
            if let event = try ClientEvent.scan(&self) { events.append(event) }
        }
        return events
    }
}

extension ClientEvent {
    /// One event, or nil (consumed) when it is not an object with string `type`, `sender` and
    /// `event_id`, or when `state_key` or `redacts` is there but not a string.
    static func scan(_ s: inout JSONScanner) throws -> ClientEvent? {
        guard s.peek() == UInt8(ascii: "{") else {
            try s.skipValue()
            return nil
        }
        var type: String?, sender: String?, eventID: String?
        var timestamp: Int64 = 0
        var content: JSONValue = .object([:])
        var stateKey: String?, redacts: String?, unsigned: JSONValue?
        var wellFormed = true
        try s.beginObject()
        var first = true
        while let key = try s.nextKey(first: &first) {
            if s.matches(key, "type") {
                type = try s.stringIfAny()
            } else if s.matches(key, "sender") {
                sender = try s.stringIfAny()
            } else if s.matches(key, "event_id") {
                eventID = try s.stringIfAny()
            } else if s.matches(key, "origin_server_ts") {
                // A time that is not a whole number in range reads as unknown (0), as in `init(from:)`.
                timestamp = try s.integerIfAny() ?? 0
            } else if s.matches(key, "content") {
                let value = try s.value()
                content = value == .null ? .object([:]) : value
            } else if s.matches(key, "state_key") {
                wellFormed = try s.optionalString(into: &stateKey) && wellFormed
            } else if s.matches(key, "redacts") {
                wellFormed = try s.optionalString(into: &redacts) && wellFormed
            } else if s.matches(key, "unsigned") {
                let value = try s.value()
                // Spelled out: a bare `nil` would read as JSONValue's own nil literal.
                unsigned = value == .null ? Optional<JSONValue>.none : value
            } else {
                try s.skipValue()
            }
        }
        guard wellFormed, let type, let sender, let eventID else { return nil }
        return ClientEvent(type: type, sender: sender, eventID: eventID, originServerTS: timestamp, content: content,
                           stateKey: stateKey, redacts: redacts, unsigned: unsigned)
    }
}

extension JSONScanner {
    /// Reads an optional string member: null leaves it nil; returns false for any other kind of value.
    mutating func optionalString(into target: inout String?) throws -> Bool {
        if try takeNull() {
            target = nil
            return true
        }
        target = try stringIfAny()
        return target != nil
    }
}

extension InvitedRoom {
    /// An invited room from its tree; `invite_state`, when there, must be an object.
    init(json: JSONValue) throws {
        guard case .object(let room) = json else { throw JSONScanner.SyntaxError(offset: 0, reason: "an invited room is not an object") }
        guard let state = room["invite_state"] else {
            self.init(events: [])
            return
        }
        guard case .object(let members) = state else { throw JSONScanner.SyntaxError(offset: 0, reason: "invite_state is not an object") }
        switch members["events"] {
        case nil, .null?: self.init(events: [])
        case .array(let events)?: self.init(events: events.compactMap(StrippedStateEvent.init(json:)))
        default: throw JSONScanner.SyntaxError(offset: 0, reason: "invite_state.events is not an array")
        }
    }
}

extension StrippedStateEvent {
    /// A stripped state event from its tree, or nil when a required member is missing or not a string.
    init?(json: JSONValue) {
        guard let type = json["type"]?.stringValue, let sender = json["sender"]?.stringValue,
              let stateKey = json["state_key"]?.stringValue, let content = json["content"] else { return nil }
        self.init(type: type, sender: sender, stateKey: stateKey, content: content)
    }
}

extension SyncEncryption {
    /// The encryption parts of a sync from the members' trees, by their keys.
    init(parts: [CodingKeys: JSONValue]) {
        self.init()
        func value(_ key: CodingKeys) -> JSONValue? {
            guard let part = parts[key], part != .null else { return Optional<JSONValue>.none }
            return part
        }
        fill(value)
    }
}
