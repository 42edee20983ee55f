import Foundation
import Logging
import MatrixClient
import MatrixCrypto
import PeerBotStore

/// Publishes the bot's device keys and keeps its one-time and fallback keys in stock on the
/// server. Every key is stored (sealed) before it leaves, so a crash never loses the private
/// half of a published key. Logs counts and the device id, never a key or a pickle.
actor DeviceKeyKeeper {
    /// Read again from the store after a batch's pre-key messages spent one-time keys there.
    var account: OlmAccount
    /// Set when the stored account is ahead of `account` and reading it again failed.
    var accountIsStale = false
    let pickleKey: PickleKey
    private var storedDeviceID: String?
    private(set) var deviceID: String?
    let client: MatrixClient
    let database: AppDatabase
    let userID: String
    let logger: Logger

    init(identity: DeviceIdentity, client: MatrixClient, database: AppDatabase, userID: String, logger: Logger) {
        account = identity.account
        pickleKey = identity.pickleKey
        storedDeviceID = identity.storedDeviceID
        self.client = client
        self.database = database
        self.userID = userID
        self.logger = logger
    }

    /// The device the keys are published for, once `start()` has run.
    var device: String? { deviceID }

    /// Finds the token's device, stores a new account for it (or checks the stored one is
    /// for it), then publishes the signed device keys and tops the stock up.
    func start() async throws {
        let retrying = Retrying(logger: logger)
        let whoami = try await retrying.run("whoami") { [client] in try await client.whoami() }
        guard let device = whoami.deviceID, !device.isEmpty else {
            throw BotStop.encryptionKeys("pickle_key_file is set, but the access token belongs to no device; get a token with `peerbot login`")
        }
        if let stored = storedDeviceID {
            guard stored == device else {
                throw BotStop.encryptionKeys(
                    "pickle_key_file: the encryption keys in the database belong to device \(stored), but the access token is for device \(device); "
                        + "use a token of device \(stored), or start afresh as a new device (docs/admin-guide.md, section 8)")
            }
        } else {
            account.generateOneTimeKeys(count: KeyStockPlan.oneTimeKeyTarget)
            account.generateFallbackKey()
            let pickle = account.pickle(key: pickleKey)
            try database.write { try $0.keys.createAccount(deviceID: device, pickle: pickle, at: Date()) }
            storedDeviceID = device
            logger.notice("made the bot's encryption keys", metadata: ["device": "\(device)"])
        }
        deviceID = device
        let counts = try await retrying.run("keys upload") { try await self.publish(deviceKeys: true) }
        try await topUp(serverCount: counts[DeviceKeyDocuments.oneTimeKeyAlgorithm] ?? 0, unusedFallbackTypes: nil)
        logger.info("device keys published", metadata: ["device": "\(device)"])
    }

    /// Tops the stock up from what one `/sync` reported. A failed upload is logged and tried
    /// again after the next sync: the keys stay stored as unpublished meanwhile.
    func afterSync(_ encryption: SyncEncryption) async {
        guard deviceID != nil else { return }
        let serverCount = encryption.oneTimeKeyCounts.map { $0[DeviceKeyDocuments.oneTimeKeyAlgorithm] ?? 0 }
        do {
            try await topUp(serverCount: serverCount, unusedFallbackTypes: encryption.unusedFallbackKeyTypes)
        } catch let error as CancellationError {
            _ = error
        } catch {
            logger.warning("keys upload failed; retried after the next sync", metadata: ["error": "\(error)"])
        }
    }

    private func topUp(serverCount: Int?, unusedFallbackTypes: [String]?) async throws {
        try reloadAccountIfStale()
        let plan = KeyStockPlan.plan(serverCount: serverCount, unpublished: account.unpublishedOneTimeKeys.count,
                                     unusedFallbackTypes: unusedFallbackTypes,
                                     hasUnpublishedFallback: account.unpublishedFallbackKey != nil)
        if plan.newOneTimeKeys > 0 { account.generateOneTimeKeys(count: plan.newOneTimeKeys) }
        if plan.newFallbackKey { account.generateFallbackKey() }
        if !plan.isEmpty { try save() }
        guard !account.unpublishedOneTimeKeys.isEmpty || account.unpublishedFallbackKey != nil else { return }
        let counts = try await publish(deviceKeys: false)
        logger.debug("one-time keys topped up", metadata: [
            "made": "\(plan.newOneTimeKeys)", "fallback": "\(plan.newFallbackKey)",
            "server": "\(counts[DeviceKeyDocuments.oneTimeKeyAlgorithm] ?? 0)",
        ])
    }

    /// Uploads the unpublished keys (and the device keys when asked), then stores them as published.
    private func publish(deviceKeys: Bool) async throws -> [String: Int] {
        guard let deviceID else { return [:] }
        let oneTime = try DeviceKeyDocuments.signedKeys(account.unpublishedOneTimeKeys, fallback: false, account,
                                                        userID: userID, deviceID: deviceID)
        let fallback = try DeviceKeyDocuments.signedKeys(account.unpublishedFallbackKey.map { [$0] } ?? [], fallback: true,
                                                         account, userID: userID, deviceID: deviceID)
        let device = deviceKeys ? try DeviceKeyDocuments.deviceKeys(account, userID: userID, deviceID: deviceID) : nil
        let counts = try await client.uploadKeys(deviceKeys: try device.map { try Self.client(.object($0)) },
                                                 oneTimeKeys: try oneTime.mapValues(Self.client),
                                                 fallbackKeys: try fallback.mapValues(Self.client))
        account.markKeysAsPublished()
        try save()
        return counts
    }

    private func save() throws {
        let pickle = account.pickle(key: pickleKey)
        try database.write { try $0.keys.updateAccount(pickle: pickle, at: Date()) }
    }

    /// The signed object in the homeserver client's JSON form (same text, other type).
    static func client(_ value: MatrixCrypto.JSONValue) throws -> ClientJSON {
        try JSONDecoder().decode(ClientJSON.self, from: JSONEncoder().encode(value))
    }
}
