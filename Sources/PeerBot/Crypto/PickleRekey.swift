import Foundation
import MatrixCrypto
import PeerBotStore

/// Reseals every secret in the database under a new pickle key, in one transaction: afterwards
/// only the new key opens them. A pickle the old key does not open stops it with nothing changed.
public enum PickleRekey {
    /// Why rekeying stopped; nothing was changed.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Returns how many secrets were resealed.
    @discardableResult
    public static func reseal(_ database: AppDatabase, from old: PickleKey, to new: PickleKey) throws -> Int {
        try database.write { writer in
            var count = 0
            for table in PickleTable.allCases {
                count += try writer.keys.resealPickles(in: table) { pickle in
                    do {
                        return try reseal(pickle, in: table, from: old, to: new)
                    } catch CryptoError.wrongPickleKey {
                        throw Failure(description: "the current pickle_key_file does not open the keys in \(table.rawValue)")
                    } catch {
                        throw Failure(description: "a key in \(table.rawValue) cannot be read (\(error))")
                    }
                }
            }
            return count
        }
    }

    private static func reseal(_ pickle: String, in table: PickleTable, from old: PickleKey, to new: PickleKey) throws -> String {
        switch table {
        case .olmAccount: try OlmAccount(pickle: pickle, key: old).pickle(key: new)
        case .olmSession: try OlmSession(pickle: pickle, key: old).pickle(key: new)
        case .megolmInboundSession: try MegolmInboundSession(pickle: pickle, key: old).pickle(key: new)
        case .megolmOutboundSession: try MegolmOutboundSession(pickle: pickle, key: old).pickle(key: new)
        // Sealed bytes whose meaning the rekey need not know: opened and sealed again as they are.
        case .crossSigningKeys, .rosterUploadSecret: try reseal(bytes: pickle, from: old, to: new)
        }
    }

    private static func reseal(bytes sealed: String, from old: PickleKey, to new: PickleKey) throws -> String {
        var plain = try old.open(sealed)
        defer { for index in plain.indices { plain[index] = 0 } }
        return new.seal(plain)
    }

    /// The 32 bytes of a key file, or a sentence naming what is wrong with it.
    public static func readKey(_ path: String) throws -> PickleKey {
        guard let data = FileManager.default.contents(atPath: path) else { throw Failure(description: "cannot read \(path)") }
        guard let key = try? PickleKey(Array(data)) else {
            throw Failure(description: "\(path) holds \(data.count) bytes; it must hold exactly 32")
        }
        return key
    }
}
