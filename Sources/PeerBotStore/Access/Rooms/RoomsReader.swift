import GRDB

extension RoomsReader {
    /// The registered room with this id.
    public func find(id roomID: String) throws -> RoomRecord? {
        // A cached statement: read again after every command of a batch.
        try RawQuery.first(db, "SELECT \(RoomRecord.rawColumns) FROM room WHERE roomID = ?", [.text(roomID)], read: RoomRecord.init(raw:))
    }

    /// The rooms of one kind, in the order they were first registered.
    public func all(kind: RoomKind) throws -> [RoomRecord] {
        try RoomRecord.filter(Column("kind") == kind.rawValue).order(Column.rowID).fetchAll(db)
    }

    /// The deployment's supervisor room, if known.
    public func supervisor() throws -> RoomRecord? {
        try RoomRecord.filter(Column("kind") == RoomKind.supervisor.rawValue).fetchOne(db)
    }

    /// The bot's direct room with this user, if any.
    public func direct(userID: String) throws -> RoomRecord? {
        try RoomRecord
            .filter(Column("kind") == RoomKind.direct.rawValue && Column("userID") == userID)
            .fetchOne(db)
    }
}

extension RoomsWriter {
    /// Registers the room, or replaces what is known about it.
    ///
    /// Throws `StoreError.supervisorRoomExists` for a second supervisor room and
    /// `StoreError.directRoomExists` for a second direct room with the same user.
    public func upsert(_ room: RoomRecord) throws {
        try checkRoomIsUnique(room)
        // An explicit conflict target: a clash on the partial unique indexes must fail,
        // not silently rewrite the other room.
        try db.execute(
            sql: """
                INSERT INTO room (roomID, kind, language, groupName, userID, joinedAt)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (roomID) DO UPDATE SET
                    kind = excluded.kind, language = excluded.language,
                    groupName = excluded.groupName, userID = excluded.userID,
                    joinedAt = excluded.joinedAt
                """,
            arguments: [
                room.roomID, room.kind.rawValue, room.language, room.groupName, room.userID,
                room.joinedAt?.stored,
            ])
    }

    /// Sets the room's reply language (nil: the default); false if the room is unknown.
    @discardableResult
    public func setLanguage(roomID: String, language: String?) throws -> Bool {
        try db.execute(sql: "UPDATE room SET language = ? WHERE roomID = ?", arguments: [language, roomID])
        return db.changesCount > 0
    }

    /// Forgets the room; false if it was not registered.
    @discardableResult
    public func remove(id roomID: String) throws -> Bool {
        try RoomRecord.deleteOne(db, key: roomID)
    }

    private func checkRoomIsUnique(_ room: RoomRecord) throws {
        switch room.kind {
        case .supervisor:
            if let existing = try supervisor(), existing.roomID != room.roomID {
                throw StoreError.supervisorRoomExists(existingRoomID: existing.roomID)
            }
        case .direct:
            if let userID = room.userID, let existing = try direct(userID: userID),
                existing.roomID != room.roomID
            {
                throw StoreError.directRoomExists(userID: userID, existingRoomID: existing.roomID)
            }
        case .group, .invited:
            break
        }
    }
}
