import Foundation
import GRDB

/// The bot account's cross-signing keys as stored: the master's public key and the sealed private keys.
public struct StoredCrossSigningKeys: Sendable, Equatable, CustomStringConvertible {
    public let masterKey: String
    public let pickle: String

    public var description: String { "StoredCrossSigningKeys(\(masterKey), pickle: <redacted>)" }
}

extension DevicesReader {
    /// The account's cross-signing keys, once `peerbot login` made them.
    public func crossSigningKeys() throws -> StoredCrossSigningKeys? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT masterKey, pickle FROM crossSigningKeys WHERE id = 1")).map {
            StoredCrossSigningKeys(masterKey: $0["masterKey"], pickle: $0["pickle"])
        }
    }
}

extension DevicesWriter {
    /// Stores the account's cross-signing keys; keys already stored are kept (one identity per account).
    public func saveCrossSigningKeys(masterKey: String, pickle: String, at date: Date) throws {
        try db.execute(sql: """
            INSERT INTO crossSigningKeys (id, masterKey, pickle, createdAt) VALUES (1, ?, ?, ?)
            ON CONFLICT (id) DO NOTHING
            """, arguments: [masterKey, pickle, date.stored])
    }
}
