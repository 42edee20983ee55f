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
    /// With a `keyring`, encrypted room events are decrypted before they are routed, and kept
    /// when their key has not arrived, all in the batch's one transaction.
    public func ingest(_ sync: SyncResponse, backfill: [String: [ClientEvent]] = [:], firstSync: Bool,
                       config: BotConfig, now: Date = Date(), keyring: RoomKeyring? = nil) throws -> BatchOutcome {
        let logger = self.logger
        return try database.write { writer in
            let context = BatchContext(config: config, now: now, lastHandled: try writer.sync.lastProcessedAt())
            return try EventRouter.apply(sync, backfill: backfill, firstSync: firstSync, context: context, writer: writer,
                                         logger: logger, keyring: keyring)
        }
    }
}
