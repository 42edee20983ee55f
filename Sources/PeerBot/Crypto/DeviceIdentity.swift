import Foundation
import MatrixCrypto
import PeerBotStore

/// The bot's encryption identity as found at start: its Olm account (stored, or new) and the
/// key that seals it.
struct DeviceIdentity {
    let account: OlmAccount
    let pickleKey: PickleKey
    /// The device the stored account was published for; nil for a new account not yet stored.
    let storedDeviceID: String?

    /// The identity for this start: nil without `pickle_key_file`, which is refused once the
    /// database holds an account (a bot that cannot open its keys must not run on as a device).
    static func load(config: BotConfig, database: AppDatabase) throws -> DeviceIdentity? {
        let stored = try database.read { try $0.keys.account() }
        guard let path = config.pickleKeyFile else {
            if let stored {
                throw BotStop.encryptionKeys(
                    "pickle_key_file is not set, but the database holds the bot's encryption keys (device \(stored.deviceID)); "
                        + "set pickle_key_file to the key file they were sealed with (docs/admin-guide.md, section 3)")
            }
            return nil
        }
        let key = try readKey(path)
        guard let stored else { return DeviceIdentity(account: OlmAccount(), pickleKey: key, storedDeviceID: nil) }
        do {
            let account = try OlmAccount(pickle: stored.pickle, key: key)
            return DeviceIdentity(account: account, pickleKey: key, storedDeviceID: stored.deviceID)
        } catch .wrongPickleKey {
            throw BotStop.encryptionKeys(
                "pickle_key_file: \(path) is not the key the database's encryption keys (device \(stored.deviceID)) were sealed with")
        } catch {
            throw BotStop.encryptionKeys("pickle_key_file: the encryption keys in the database cannot be read (\(error))")
        }
    }

    /// The key file's 32 bytes (check-config checked it; it may have changed since).
    private static func readKey(_ path: String) throws -> PickleKey {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BotStop.encryptionKeys("pickle_key_file: cannot read \(path)")
        }
        do {
            return try PickleKey(Array(data))
        } catch {
            throw BotStop.encryptionKeys("pickle_key_file: \(path) holds \(data.count) bytes; it must hold exactly 32")
        }
    }
}
