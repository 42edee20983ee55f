import CurlHTTP
import Foundation
import Logging
import MatrixClient
import MatrixCrypto
import PeerBotStore

/// `peerbot login --config`: makes the bot's device keys for the new device (as its first start
/// would) and the account's cross-signing identity, publishes both with the password for the
/// homeserver's interactive authentication, and signs the device with the self-signing key, so
/// clients show the bot as verified by its owner. The private keys are stored sealed under the
/// pickle key before anything leaves; a second run reuses them.
public enum CrossSigningBootstrap {
    /// What was published.
    public struct Outcome: Sendable, Equatable {
        public let deviceID: String
        /// The master key's public half (unpadded base64), to compare with what clients show.
        public let masterKey: String
        /// False when the keys came from an earlier run.
        public let madeNew: Bool
    }

    /// `database` is the bot's own, opened under its lock (the daemon must not run meanwhile).
    public static func run(config: BotConfig, database: AppDatabase, password: String, logger: Logger) async throws -> Outcome {
        guard let identity = try DeviceIdentity.load(config: config, database: database) else {
            throw BotStop.encryptionKeys("pickle_key_file is not set: cross-signing needs the key that seals the bot's keys")
        }
        let pickleKey = identity.pickleKey
        let http = CurlHTTPClient()
        defer { http.shutdown() }
        let client = MatrixClient(homeserver: config.homeserver, accessToken: config.accessToken.value, transport: CurlTransport(http: http))
        let keeper = DeviceKeyKeeper(identity: identity, client: client, database: database, userID: config.userID, logger: logger)
        try await keeper.start()

        let (keys, madeNew) = try storedOrNewKeys(database, pickleKey: pickleKey)
        guard let documents = try await keeper.crossSigningDocuments(keys) else {
            throw BotStop.encryptionKeys("the bot's device keys were not published")
        }
        try await client.uploadCrossSigningKeys(master: documents.master, selfSigning: documents.selfSigning,
                                                userSigning: documents.userSigning, userID: config.userID, password: password)
        let failures = try await client.uploadSignatures([config.userID: [documents.deviceID: documents.signedDevice]])
        guard failures.isEmpty else {
            throw MatrixClientError.invalidResponse("the homeserver refused the device's signature: \(ClientJSON.object(failures).jsonString())")
        }
        logger.notice("cross-signing published; the device is signed by the account's self-signing key",
                      metadata: ["device": "\(documents.deviceID)", "master": "\(keys.masterPublicKey)"])
        return Outcome(deviceID: documents.deviceID, masterKey: keys.masterPublicKey, madeNew: madeNew)
    }

    /// The stored keys, or new ones stored (sealed) before they are published.
    private static func storedOrNewKeys(_ database: AppDatabase, pickleKey: PickleKey) throws -> (CrossSigningKeys, Bool) {
        if let stored = try database.read({ try $0.devices.crossSigningKeys() }) {
            return (try CrossSigningKeys(sealed: stored.pickle, key: pickleKey), false)
        }
        let keys = CrossSigningKeys()
        let sealed = keys.sealed(key: pickleKey)
        try database.write { try $0.devices.saveCrossSigningKeys(masterKey: keys.masterPublicKey, pickle: sealed, at: Date()) }
        return (keys, true)
    }
}
