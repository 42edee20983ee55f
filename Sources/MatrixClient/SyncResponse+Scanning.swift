import Foundation

// The `/sync` body read with `JSONScanner`, to the same result as the `Decodable` conformances:
// a member of the wrong type fails the sync where they fail it, and a malformed event is left
// out of its array (as `Lossy` does) so it never costs the good ones.

extension SyncResponse {
    /// Reads a whole `/sync` body.
    static func scan(_ data: Data) throws -> SyncResponse {
        try data.withUnsafeBytes { raw in
            var scanner = JSONScanner(raw.bindMemory(to: UInt8.self))
            let sync = try scan(&scanner)
            try scanner.finish()
            return sync
        }
    }

    static func scan(_ s: inout JSONScanner) throws -> SyncResponse {
        var nextBatch: String?
        var rooms = Rooms()
        var parts: [SyncEncryption.CodingKeys: JSONValue] = [:]
        try s.beginObject()
        var first = true
        while let key = try s.nextKey(first: &first) {
            if s.matches(key, "next_batch") {
                nextBatch = try s.string()
            } else if s.matches(key, "rooms") {
                if try !s.takeNull() { rooms = try Rooms.scan(&s) }
            } else if let part = SyncEncryption.CodingKeys(rawValue: s.string(of: key)) {
                parts[part] = try s.value()
            } else {
                try s.skipValue()
            }
        }
        guard let nextBatch else { throw s.fail("no next_batch") }
        var sync = SyncResponse(nextBatch: nextBatch, rooms: rooms)
        sync.encryption = SyncEncryption(parts: parts)
        return sync
    }
}

extension SyncResponse.Rooms {
    static func scan(_ s: inout JSONScanner) throws -> Self {
        var rooms = Self()
        try s.beginObject()
        var first = true
        while let key = try s.nextKey(first: &first) {
            if try s.takeNull() { continue }
            if s.matches(key, "join") {
                rooms.join = try s.scanMapSideBySide { try JoinedRoom.scan(&$0) }
            } else if s.matches(key, "invite") {
                rooms.invite = try s.scanMap { try InvitedRoom(json: $0.value()) }
            } else if s.matches(key, "leave") {
                rooms.leave = try s.scanMap { try LeftRoom.scan(&$0) }
            } else {
                try s.skipValue()
            }
        }
        return rooms
    }
}

extension JoinedRoom {
    static func scan(_ s: inout JSONScanner) throws -> Self {
        var room = JoinedRoom(timeline: Timeline(events: []))
        try s.beginObject()
        var first = true
        while let key = try s.nextKey(first: &first) {
            if s.matches(key, "timeline") {
                if try !s.takeNull() { room.timeline = try Timeline.scan(&s) }
            } else if s.matches(key, "state") {
                // Like a nested container: present means an object, even when null.
                room.state = try s.scanEventsObject(key: "events")
            } else {
                try s.skipValue()
            }
        }
        return room
    }
}

extension LeftRoom {
    /// A left room whose timeline cannot be read keeps an empty one, as its `Decodable` does.
    static func scan(_ s: inout JSONScanner) throws -> Self {
        var room = LeftRoom()
        try s.beginObject()
        var first = true
        while let key = try s.nextKey(first: &first) {
            if s.matches(key, "timeline") {
                var probe = s
                try s.skipValue()
                room.timeline = (try? Timeline.scan(&probe)) ?? Timeline(events: [])
            } else {
                try s.skipValue()
            }
        }
        return room
    }
}

extension Timeline {
    static func scan(_ s: inout JSONScanner) throws -> Self {
        var timeline = Timeline(events: [])
        try s.beginObject()
        var first = true
        while let key = try s.nextKey(first: &first) {
            if s.matches(key, "events") {
                timeline.events = try s.scanEvents()
            } else if s.matches(key, "limited") {
                if try s.takeNull() { continue }
                guard case .bool(let limited) = try s.value() else { throw s.fail("limited is not a boolean") }
                timeline.limited = limited
            } else if s.matches(key, "prev_batch") {
                if try s.takeNull() { continue }
                timeline.prevBatch = try s.string()
            } else {
                try s.skipValue()
            }
        }
        return timeline
    }
}
