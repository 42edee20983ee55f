import GRDB

/// What carrying a room's registry over to its replacement did.
public enum RoomMove: Equatable, Sendable {
    /// The registry now names the new room; `needsJoin` is false when an invite to the new room
    /// was already accepted (its join is on its way or done).
    case moved(needsJoin: Bool)
    /// The old room is not one the bot manages (or was already moved).
    case unknownRoom
    /// The new room is already managed as something else: nothing was changed.
    case conflict(existing: RoomKind)
}

extension RoomsReader {
    /// The room that replaced this one in a room upgrade, if it was replaced.
    public func replacement(ofRoom roomID: String) throws -> String? {
        try store.settings.value(Self.replacedKey(roomID))
    }

    /// The room the upgrades starting at this one end in (itself if it was never replaced).
    public func current(following roomID: String) throws -> String {
        var current = roomID
        var seen: Set<String> = [roomID]
        // A loop of tombstones is hostile or a bug: stop where it would repeat.
        while let next = try replacement(ofRoom: current), seen.insert(next).inserted { current = next }
        return current
    }

    static func replacedKey(_ roomID: String) -> String { "room.replaced_by.\(roomID)" }
}

extension RoomsWriter {
    /// Carries a managed room's record (kind, language, group, direct-room owner) over to the
    /// room that replaced it, and remembers the old room as replaced: its history stays in the
    /// store, but the bot no longer acts on it. A record for the new room that only came from
    /// an invite gives way; any other record there is a conflict and nothing changes.
    public func move(from oldRoomID: String, to newRoomID: String) throws -> RoomMove {
        guard let record = try find(id: oldRoomID) else { return .unknownRoom }
        let existing = try find(id: newRoomID)
        if let existing, existing.kind != .invited { return .conflict(existing: existing.kind) }
        var moved = record
        moved.roomID = newRoomID
        // The new room's history starts at the bot's own join there, not at the old room's.
        moved.joinedAt = existing?.joinedAt
        try remove(id: newRoomID)
        try remove(id: oldRoomID)
        try upsert(moved)
        try db.execute(sql: "UPDATE studyGroup SET roomID = ? WHERE roomID = ?", arguments: [newRoomID, oldRoomID])
        try db.execute(sql: "UPDATE roomRef SET roomID = ? WHERE roomID = ?", arguments: [newRoomID, oldRoomID])
        try store.settings.set(Self.replacedKey(oldRoomID), newRoomID)
        return .moved(needsJoin: existing == nil)
    }
}
