import Foundation
import GRDB

/// The bot's encryption identity as stored: a sealed pickle, never a raw key.
public struct StoredOlmAccount: Sendable, Equatable, CustomStringConvertible {
    /// The device the account's keys were published for.
    public let deviceID: String
    /// The account sealed under the pickle key (opened only by MatrixCrypto with that key).
    public let pickle: String
    public let createdAt: Date
    public let updatedAt: Date

    /// Never shows the pickle: logs must not carry it, sealed or not.
    public var description: String { "StoredOlmAccount(device: \(deviceID), pickle: <redacted>)" }
}

/// What the store refuses about the Olm account.
public enum OlmAccountStoreError: Error, Equatable, Sendable {
    /// An account exists already; a second would be a second identity.
    case accountExists(deviceID: String)
    /// There is no account to update.
    case noAccount
    /// The pickle to store is empty.
    case emptyPickle
}

extension KeysReader {
    /// The bot's Olm account, or nil before the first start with a pickle key.
    public func account() throws -> StoredOlmAccount? {
        try OlmAccountRecord.fetchOne(db, key: OlmAccountRecord.onlyID).map {
            StoredOlmAccount(deviceID: $0.deviceID, pickle: $0.pickle, createdAt: $0.createdAt, updatedAt: $0.updatedAt)
        }
    }
}

extension KeysWriter {
    /// Stores the first Olm account for `deviceID`; refuses when one exists already.
    public func createAccount(deviceID: String, pickle: String, at date: Date) throws {
        guard !pickle.isEmpty else { throw OlmAccountStoreError.emptyPickle }
        if let existing = try OlmAccountRecord.fetchOne(db, key: OlmAccountRecord.onlyID) {
            throw OlmAccountStoreError.accountExists(deviceID: existing.deviceID)
        }
        try OlmAccountRecord(deviceID: deviceID, pickle: pickle, createdAt: date, updatedAt: date).insert(db)
    }

    /// Replaces the pickle after the account changed (keys made or published); the device stays.
    public func updateAccount(pickle: String, at date: Date) throws {
        guard !pickle.isEmpty else { throw OlmAccountStoreError.emptyPickle }
        // One statement: a catch-up's pre-key messages change the account once each.
        try db.cachedStatement(sql: "UPDATE olmAccount SET pickle = ?, updatedAt = ? WHERE id = ?")
            .execute(arguments: [pickle, date.stored, OlmAccountRecord.onlyID])
        guard db.changesCount == 1 else { throw OlmAccountStoreError.noAccount }
    }
}
