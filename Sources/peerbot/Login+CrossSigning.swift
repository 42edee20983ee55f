import ArgumentParser
import Foundation
import Logging
import MatrixClient
import PeerBot
import PeerBotStore

/// What login found in the configuration before logging in: the database (opened under its
/// lock, so no daemon runs on it meanwhile) and whether the bot is an encryption device at all.
struct CrossSigningPlan {
    let configPath: String
    /// The configuration as read before logging in; nil when it names a token file login has yet to write.
    let settings: BotConfig?
    let lock: DatabaseLock?
    let database: AppDatabase?

    /// Reads the configuration with a stand-in token and takes the database. Refuses (exit 78,
    /// nothing done on the homeserver) a configuration with problems, or a login that would
    /// leave the database's device behind.
    static func prepare(configPath: String, user: String, deviceID: String?) throws -> CrossSigningPlan {
        let environment = LoginConfiguration.environment(
            configPath: configPath, token: LoginConfiguration.standInToken, base: ProcessInfo.processInfo.environment)
        let settings: BotConfig
        do {
            settings = try ConfigLoader(environment: environment).load(path: configPath)
        } catch where LoginConfiguration.onlyTokenFileMissing(error) {
            return CrossSigningPlan(configPath: configPath, settings: nil, lock: nil, database: nil)
        } catch {
            printError(error.description)
            printError("not logged in: login reads \(configPath) to set up cross-signing; fix it first")
            throw exitConfig
        }
        if user.hasPrefix("@"), user != settings.userID {
            printError("not logged in: \(configPath) is for \(settings.userID), not \(user) (user_id)")
            throw exitConfig
        }
        guard settings.pickleKeyFile != nil else {
            return CrossSigningPlan(configPath: configPath, settings: settings, lock: nil, database: nil)
        }
        try makeFolder(for: settings.databasePath)
        let (lock, database) = try openLockedDatabase(settings)
        let stored = try database.read { try $0.keys.account() }?.deviceID
        if let conflict = LoginConfiguration.deviceConflict(stored: stored, requested: deviceID) {
            printError("not logged in: \(conflict)")
            throw exitConfig
        }
        return CrossSigningPlan(configPath: configPath, settings: settings, lock: lock, database: database)
    }

    /// The state directory does not exist before the service's first start; systemd takes over
    /// (and hands to the service's user) a folder made here.
    private static func makeFolder(for databasePath: String) throws {
        let folder = (databasePath as NSString).deletingLastPathComponent
        guard !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            printError("database: cannot create the folder \(folder): \(error.localizedDescription)")
            throw exitConfig
        }
    }

    /// Cross-signing for the account with the new token, when the bot is an encryption device.
    func crossSign(_ answer: LoginResponse, password: String) async throws {
        var settings = try self.settings ?? Self.reload(configPath, token: answer.accessToken)
        settings.accessToken = Secret(answer.accessToken)
        guard settings.pickleKeyFile != nil else {
            print("cross-signing: not set up, \(configPath) has no pickle_key_file (the bot is not an encryption device)")
            return
        }
        guard settings.userID == answer.userID else {
            printError("user_id: the configuration is for \(settings.userID), but the login was as \(answer.userID)")
            throw exitConfig
        }
        let held: (lock: DatabaseLock, database: AppDatabase)
        if let lock, let database {
            held = (lock, database)
        } else {
            try Self.makeFolder(for: settings.databasePath)
            held = try openLockedDatabase(settings)
        }
        let database = held.database
        defer { withExtendedLifetime(held.lock) {} }
        let outcome = try await CrossSigningBootstrap.run(config: settings, database: database, password: password,
                                                          logger: Logger(label: "peerbot"))
        print("cross-signing \(outcome.madeNew ? "set up" : "published again"): master key \(outcome.masterKey); "
            + "device \(outcome.deviceID) signed by the self-signing key (database \(settings.databasePath))")
    }

    private static func reload(_ configPath: String, token: String) throws -> BotConfig {
        let environment = LoginConfiguration.environment(configPath: configPath, token: token, base: ProcessInfo.processInfo.environment)
        do {
            return try ConfigLoader(environment: environment).load(path: configPath)
        } catch {
            printError(error.description)
            throw exitConfig
        }
    }
}
