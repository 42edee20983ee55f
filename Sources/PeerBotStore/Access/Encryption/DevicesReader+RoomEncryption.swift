import Foundation
import GRDB

/// What the bot knows of a room's `m.room.encryption` state.
public struct RoomEncryptionState: Sendable, Equatable {
    public let roomID: String
    /// The room's algorithm (`m.megolm.v1.aes-sha2`); nil for a room known to be plain.
    public let algorithm: String?
    /// The room's own rotation limits, when its state names them.
    public let rotationPeriodMs: Int64?
    public let rotationPeriodMsgs: Int64?
    /// The member list was read whole once; sync keeps it current since.
    public let membersLoaded: Bool

    public var isEncrypted: Bool { algorithm != nil }
}

extension DevicesReader {
    /// The room's encryption as last seen; nil when it has never been checked.
    public func roomEncryption(_ roomID: String) throws -> RoomEncryptionState? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM roomEncryption WHERE roomID = ?"), arguments: [roomID]).map {
            RoomEncryptionState(roomID: $0["roomID"], algorithm: $0["algorithm"], rotationPeriodMs: $0["rotationPeriodMs"],
                                rotationPeriodMsgs: $0["rotationPeriodMsgs"], membersLoaded: $0["membersLoaded"])
        }
    }

    /// The joined and invited members of an encrypted room, by user id.
    public func encryptedRoomMembers(_ roomID: String) throws -> [String: String] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT userID, membership FROM roomMember WHERE roomID = ?"), arguments: [roomID])
        return Dictionary(rows.map { ($0["userID"], $0["membership"]) }, uniquingKeysWith: { first, _ in first })
    }

    /// A number that moves whenever anything deciding who gets a room key changes: encryption
    /// state, members, devices, trust, cross-signing keys, outbound sessions or their shares
    /// (kept by triggers, `SchemaV11Recipients`). Equal readings mean none of it changed between.
    public func keyRecipientsVersion() throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT version FROM keyRecipientsVersion WHERE id = 1")) ?? 0
    }

    /// The encrypted rooms `userID` is a member (or invitee) of.
    public func encryptedRooms(of userID: String) throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: "SELECT roomID FROM roomMember WHERE userID = ? ORDER BY roomID"), arguments: [userID])
    }
}

extension DevicesWriter {
    /// Records that the room is encrypted. Encryption cannot be switched off in Matrix, so a room
    /// once seen encrypted stays so; a later event only updates its rotation limits.
    public func setRoomEncrypted(_ roomID: String, algorithm: String, rotationPeriodMs: Int64?, rotationPeriodMsgs: Int64?,
                                 at date: Date) throws {
        try db.execute(sql: """
            INSERT INTO roomEncryption (roomID, algorithm, rotationPeriodMs, rotationPeriodMsgs, updatedAt) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (roomID) DO UPDATE SET algorithm = excluded.algorithm, rotationPeriodMs = excluded.rotationPeriodMs,
                rotationPeriodMsgs = excluded.rotationPeriodMsgs, updatedAt = excluded.updatedAt
            """, arguments: [roomID, algorithm, rotationPeriodMs.flatMap { $0 > 0 ? $0 : nil },
                             rotationPeriodMsgs.flatMap { $0 > 0 ? $0 : nil }, date.stored])
    }

    /// Records that the room was checked and is plain; never overrides a known encryption.
    public func setRoomPlain(_ roomID: String, at date: Date) throws {
        try db.execute(sql: "INSERT INTO roomEncryption (roomID, updatedAt) VALUES (?, ?) ON CONFLICT (roomID) DO NOTHING",
                       arguments: [roomID, date.stored])
    }

    /// One member's new membership in an encrypted room (join, invite; anything else removes
    /// them). Ignored for a room not known to be encrypted. True when the member was removed.
    @discardableResult
    public func setEncryptedRoomMember(_ roomID: String, userID: String, membership: String) throws -> Bool {
        guard try roomEncryption(roomID)?.isEncrypted == true else { return false }
        if membership == "join" || membership == "invite" {
            try db.execute(sql: """
                INSERT INTO roomMember (roomID, userID, membership) VALUES (?, ?, ?)
                ON CONFLICT (roomID, userID) DO UPDATE SET membership = excluded.membership
                """, arguments: [roomID, userID, membership])
            return false
        }
        try db.execute(sql: "DELETE FROM roomMember WHERE roomID = ? AND userID = ?", arguments: [roomID, userID])
        return db.changesCount > 0
    }

    /// Replaces the member list with one read whole from the homeserver.
    public func replaceEncryptedRoomMembers(_ roomID: String, members: [String: String]) throws {
        guard try roomEncryption(roomID)?.isEncrypted == true else { return }
        try db.execute(sql: "DELETE FROM roomMember WHERE roomID = ?", arguments: [roomID])
        for (userID, membership) in members where membership == "join" || membership == "invite" {
            try db.execute(sql: "INSERT INTO roomMember (roomID, userID, membership) VALUES (?, ?, ?)",
                           arguments: [roomID, userID, membership])
        }
        try db.execute(sql: "UPDATE roomEncryption SET membersLoaded = 1 WHERE roomID = ?", arguments: [roomID])
    }

    /// Forgets the member list of a room the bot left (or whose timeline was cut), so it is read
    /// whole again before the next message; the room's encryption stays known.
    public func forgetEncryptedRoomMembers(_ roomID: String) throws {
        try db.execute(sql: "DELETE FROM roomMember WHERE roomID = ?", arguments: [roomID])
        try db.execute(sql: "UPDATE roomEncryption SET membersLoaded = 0 WHERE roomID = ?", arguments: [roomID])
    }
}
