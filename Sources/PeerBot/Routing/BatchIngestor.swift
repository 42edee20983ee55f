import Foundation
import Logging
import MatrixClient
import PeerBotStore

/// Takes one `/sync` answer into the store: every effect, the outbox rows and the next token in
/// one transaction. The sync loop and the benchmark both come through here.
public struct BatchIngestor: Sendable {
    public let database: AppDatabase
    let logger: Logger

    public init(database: AppDatabase, logger: Logger = Logger(label: "peerbot")) {
        self.database = database
        self.logger = logger
    }

    /// Returns how many events were seen, how many commands answered, how many actions queued.
    @discardableResult
    /// With `roomKeys`, the sync's Olm to-device messages are read first and their room keys
    /// stored; with a `keyring`, encrypted room events are then decrypted before they are routed,
    /// and kept when their key has not arrived. All of it commits with the next token in the
    /// batch's one transaction, so a key is never stored without its batch, nor lost with it.
    public func ingest(_ sync: SyncResponse, backfill: [String: [ClientEvent]] = [:], firstSync: Bool,
                       config: BotConfig, now: Date = Date(), keyring: RoomKeyring? = nil,
                       roomKeys: RoomKeyIntake? = nil) throws -> BatchOutcome {
        let logger = self.logger
        return try database.write { writer in
            let keys = try roomKeys?.take(sync.encryption.toDevice, in: writer) ?? RoomKeyIntake.Outcome()
            let context = BatchContext(config: config, now: now, lastHandled: try writer.sync.lastProcessedAt())
            var outcome = try EventRouter.apply(sync, backfill: backfill, firstSync: firstSync, context: context, writer: writer,
                                                logger: logger, keyring: keyring)
            outcome.roomKeys = keys
            return outcome
        }
    }
}
