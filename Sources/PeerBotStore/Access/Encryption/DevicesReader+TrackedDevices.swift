import Foundation
import GRDB
import MatrixCrypto

/// A device of a tracked user, with checked keys: the trust rules' own type.
public typealias TrackedDevice = KnownDevice

/// A tracked user's device list as last queried.
public struct TrackedUser: Sendable, Equatable {
    public let userID: String
    public let outdated: Bool
    /// How many changes sync has reported; a query answers for the count it started at.
    public let changes: Int64
    public let masterKey: String?
    public let selfSigningKey: String?
}

extension DevicesReader {
    public func trackedUser(_ userID: String) throws -> TrackedUser? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM trackedUser WHERE userID = ?"), arguments: [userID]).map {
            TrackedUser(userID: $0["userID"], outdated: $0["outdated"], changes: $0["changes"], masterKey: $0["masterKey"], selfSigningKey: $0["selfSigningKey"])
        }
    }

    /// The stored devices of `userID`, blocked ones included.
    public func trackedDevices(of userID: String) throws -> [TrackedDevice] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM trackedDevice WHERE userID = ? ORDER BY deviceID"), arguments: [userID]).map {
            TrackedDevice(userID: $0["userID"], deviceID: $0["deviceID"], curve25519: $0["curve25519"], ed25519: $0["ed25519"],
                          crossSigned: $0["crossSigned"], blocked: $0["blocked"])
        }
    }
}

extension DevicesWriter {
    /// Marks the users' device lists as needing a query (`device_lists.changed`, a new member);
    /// a user not tracked yet is added as outdated.
    public func markDeviceListsOutdated(_ userIDs: some Sequence<String>, at date: Date) throws {
        for userID in Set(userIDs) where MatrixUserIDCheck.plausible(userID) {
            try db.execute(sql: """
                INSERT INTO trackedUser (userID, outdated, updatedAt) VALUES (?, 1, ?)
                ON CONFLICT (userID) DO UPDATE SET outdated = 1, changes = changes + 1, updatedAt = excluded.updatedAt
                """, arguments: [userID, date.stored])
        }
    }

    /// Forgets the devices of users who share no encrypted room with the bot any more
    /// (`device_lists.left`), except blocked ones: a device whose keys changed stays refused if
    /// its user comes back. Their list is queried afresh when they do.
    public func untrackUsers(_ userIDs: some Sequence<String>) throws {
        for userID in Set(userIDs) {
            try db.execute(sql: "DELETE FROM trackedDevice WHERE userID = ? AND blocked = 0", arguments: [userID])
            try db.execute(sql: "UPDATE trackedUser SET outdated = 1 WHERE userID = ?", arguments: [userID])
        }
    }

    /// Stores a queried device list: the user's cross-signing keys and their devices, as decided
    /// by `DeviceListUpdate` (blocked devices kept blocked). The user is current afterwards unless
    /// sync reported another change after the query began (`queriedAtChanges`, their count then).
    public func saveDeviceList(userID: String, masterKey: String?, selfSigningKey: String?, devices: [TrackedDevice],
                               queriedAtChanges: Int64 = 0, at date: Date) throws {
        try db.execute(sql: """
            INSERT INTO trackedUser (userID, outdated, masterKey, selfSigningKey, updatedAt) VALUES (?, 0, ?, ?, ?)
            ON CONFLICT (userID) DO UPDATE SET outdated = (changes > ?), masterKey = excluded.masterKey,
                selfSigningKey = excluded.selfSigningKey, updatedAt = excluded.updatedAt
            """, arguments: [userID, masterKey, selfSigningKey, date.stored, queriedAtChanges])
        try db.execute(sql: "DELETE FROM trackedDevice WHERE userID = ?", arguments: [userID])
        for device in devices where device.userID == userID {
            try db.execute(sql: """
                INSERT INTO trackedDevice (userID, deviceID, curve25519, ed25519, crossSigned, blocked, firstSeenAt)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [userID, device.deviceID, device.curve25519, device.ed25519, device.crossSigned, device.blocked, date.stored])
        }
    }
}

/// The shape check the schema makes of a user id, before a write can fail on it.
enum MatrixUserIDCheck {
    static func plausible(_ userID: String) -> Bool {
        guard userID.hasPrefix("@"), let colon = userID.firstIndex(of: ":") else { return false }
        return userID.distance(from: userID.startIndex, to: colon) > 1 && colon < userID.index(before: userID.endIndex)
    }
}
