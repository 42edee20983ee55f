import GRDB

extension RoomsReader {
    /// The room created for `ref` (`ref:…`), once the homeserver made it.
    public func roomID(forRef ref: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT roomID FROM roomRef WHERE ref = ?"), arguments: [ref])
    }
}

extension RoomsReader {
    /// Whether the room is recorded anywhere: as a managed room or as made for a ref.
    public func isKnown(_ roomID: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM room WHERE roomID = ?) OR EXISTS (SELECT 1 FROM roomRef WHERE roomID = ?)
            """), arguments: [roomID, roomID]) ?? false
    }
}

extension RoomsWriter {
    /// Forgets which ref a lost room was made for, so that a new room is made for it when needed.
    public func forgetRef(roomID: String) throws {
        try db.execute(sql: "DELETE FROM roomRef WHERE roomID = ?", arguments: [roomID])
    }

    /// Records the room made for `ref`; recording the same pair again changes nothing.
    public func setRef(_ ref: String, roomID: String) throws {
        try db.execute(sql: "INSERT INTO roomRef (ref, roomID) VALUES (?, ?) ON CONFLICT(ref) DO UPDATE SET roomID = excluded.roomID",
                       arguments: [ref, roomID])
    }
}

extension OutboxReader {
    /// Whether a room for `ref` is waiting in the outbox to be created.
    public func isCreationQueued(ref: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM outbox WHERE kind = 'create' AND roomID = ? AND state = 'pending')"),
                          arguments: [ref]) ?? false
    }
}

extension OutboxReader {
    /// The outbox row the homeserver gave `eventID` (a message the bot sent), while it is kept.
    public func item(eventID: String) throws -> OutboxItem? {
        try OutboxRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM outbox WHERE eventID = ?"), arguments: [eventID])?.item()
    }
}
