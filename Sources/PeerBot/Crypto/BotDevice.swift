import Foundation
import Logging
import MatrixClient
import MatrixCrypto
import PeerBotStore

/// The bot's encryption device as the sync loop runs it, for a caller beside the runtime (the
/// ingest benchmark): loaded from the store with the configured pickle key, published, and fed
/// one sync's to-device events as `BatchIngestor` decrypts the batch with `keyring`.
public struct BotDevice: Sendable {
    let keeper: DeviceKeyKeeper
    /// What `BatchIngestor.ingest` needs to read encrypted room events.
    public let keyring: RoomKeyring
    /// The device's public identity keys, as other devices find them on the homeserver.
    public let curve25519: String
    public let ed25519: String

    /// Loads (or makes) the account as `peerbot run` does and publishes its keys through
    /// `client`; nil when `config` has no `pickle_key_file`.
    public static func start(config: BotConfig, database: AppDatabase, client: MatrixClient,
                             logger: Logger = Logger(label: "peerbot")) async throws -> BotDevice? {
        guard let identity = try DeviceIdentity.load(config: config, database: database) else { return nil }
        let keys = identity.account.identityKeys
        let pickleKey = identity.pickleKey
        let keeper = DeviceKeyKeeper(identity: identity, client: client, database: database, userID: config.userID, logger: logger)
        try await keeper.start()
        return BotDevice(keeper: keeper, keyring: RoomKeyring(pickleKey: pickleKey), curve25519: keys.curve25519, ed25519: keys.ed25519)
    }

    /// Takes the room keys of one sync's to-device events in a transaction of their own;
    /// returns how many were stored.
    @discardableResult
    public func receive(_ events: [ToDeviceEvent]) async -> Int {
        await keeper.receive(events)
    }

    /// What `BatchIngestor.ingest` needs to take one sync's to-device events in the batch's own
    /// transaction, as the sync loop does; pass the outcome to `committed` afterwards.
    public func intake(before events: [ToDeviceEvent]) async -> RoomKeyIntake? {
        await keeper.intake(before: events)
    }

    /// Tells the device what a committed batch's to-device messages changed in the store.
    public func committed(_ outcome: BatchOutcome) async {
        await keeper.committed(outcome.roomKeys)
    }
}
