import Foundation
import Logging
import MatrixClient
import PeerBotStore
import ServiceLifecycle

/// Long-polls `/sync` and commits each batch's effects with the next token in one transaction.
final class SyncService: Service, Sendable {
    let client: MatrixClient
    let database: AppDatabase
    let config: ConfigHolder
    let provisioner: RoomProvisioner
    let outbox: Wakeup
    let imports: Wakeup
    let heartbeat: Heartbeat
    let progress: SyncProgress
    let notifier: SystemdNotifier
    let logger: Logger
    /// Publishes and tops up the bot's device keys; nil without `pickle_key_file`.
    let deviceKeys: DeviceKeyKeeper?
    /// Told of every batch with events, so memory is given back only once the bot is quiet.
    let idle: IdleMemoryRelease?
    let pollTimeout: Duration = .seconds(30)

    /// Large timeline limit so that busy rooms are rarely cut; cut ones are paged back. Members
    /// are not lazy-loaded: Synapse then sends a sender's membership again in `state` whenever
    /// they last spoke in another room (its cache of memberships sent is per user, not per room)
    /// and reports that sender in `device_lists.changed` (element-hq/synapse#6162), so a message
    /// in an encrypted room would cost a `/keys/query` before the answer could be encrypted. Full
    /// state deltas also give the member tracking every change across a cut timeline.
    static let filter = #"{"room":{"timeline":{"limit":200},"ephemeral":{"not_types":["*"]},"account_data":{"not_types":["*"]}},"presence":{"not_types":["*"]},"account_data":{"not_types":["*"]}}"#

    init(client: MatrixClient, database: AppDatabase, config: ConfigHolder, provisioner: RoomProvisioner,
         outbox: Wakeup, imports: Wakeup, heartbeat: Heartbeat, progress: SyncProgress = SyncProgress(),
         notifier: SystemdNotifier, logger: Logger, deviceKeys: DeviceKeyKeeper? = nil,
         idle: IdleMemoryRelease? = nil) {
        self.client = client
        self.database = database
        self.config = config
        self.provisioner = provisioner
        self.outbox = outbox
        self.imports = imports
        self.heartbeat = heartbeat
        self.progress = progress
        self.notifier = notifier
        self.logger = logger
        self.deviceKeys = deviceKeys
        self.idle = idle
    }

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { [self] in
                try await deviceKeys?.start()
                try await provisioner.prepare()
                outbox.signal()
                try await loop()
            }
        } catch is CancellationError {
            logger.info("sync stopped")
        }
    }

    private func loop() async throws {
        let retrying = Retrying(logger: logger)
        var announcedReady = false
        while !Task.isCancelled {
            // The first round only catches up: READY must not wait for a long-poll to time out.
            let outcome = try await retrying.run("sync") { [self, announcedReady] in try await syncOnce(wait: announcedReady) }
            heartbeat.beat()
            progress.markCaughtUp()
            if !announcedReady {
                announcedReady = true
                notifier.ready()
                logger.info("ready: syncing with the homeserver")
            }
            if outcome.events > 0 { idle?.noteActivity() }
            if outcome.uploads > 0 { imports.signal() }
        }
    }

    /// One `/sync` round: fetch, fill cut timelines, commit. Without `wait` (and on the very
    /// first start) the homeserver answers at once, with whatever is new or nothing.
    func syncOnce(wait: Bool = true) async throws -> BatchOutcome {
        let since = try database.read { try $0.sync.token() }
        let sync: SyncResponse
        let backfill: [String: [ClientEvent]]
        var watch = Stopwatch()
        do {
            sync = try await client.sync(since: since, timeout: since == nil || !wait ? .zero : pollTimeout, filter: Self.filter)
            watch = Stopwatch()
            backfill = try await fillGaps(sync)
        } catch {
            // The homeserver failing counts as progress for the watchdog: an outage is waited out,
            // not restarted. A batch the store cannot take does not count: that is the bot stuck.
            heartbeat.beat()
            throw error
        }
        // The to-device messages are read in the batch's own transaction, before its events are
        // decrypted: the Olm sessions, the account, the room keys, the decrypted events and the
        // next token commit together or not at all. A crash or a failed batch leaves the store as
        // before it, and the same batch, coming again, opens the same Olm messages once more.
        let gaps = watch.lap()
        let roomKeys = await deviceKeys?.intake(before: sync.encryption.toDevice)
        let intake = watch.lap()
        try noteEncryption(sync, backfill: backfill)
        let noted = watch.lap()
        let outcome = try BatchIngestor(database: database, logger: logger)
            .ingest(sync, backfill: backfill, firstSync: since == nil, config: config.current, keyring: deviceKeys?.keyring, roomKeys: roomKeys)
        let ingested = watch.lap()
        // The answers go out while the device keys are seen to (one-time keys topped up, room keys
        // asked for): nothing below changes what the outbox seals or sends with, and a keys upload
        // would otherwise keep the student waiting for a homeserver round trip.
        if outcome.enqueued > 0 { outbox.signal() }
        await deviceKeys?.committed(outcome.roomKeys)
        await deviceKeys?.afterSync(sync.encryption)
        await deviceKeys?.requestMissingKeys()
        await deviceKeys?.cancelAnsweredKeyRequests()
        if outcome.events > 0 {
            logger.debug("batch timing (ms)", metadata: ["gaps": "\(gaps)", "to_device": "\(intake)", "encryption_facts": "\(noted)",
                                                      "ingest": "\(ingested)", "keys_after": "\(watch.lap())", "enqueued": "\(outcome.enqueued)",
                                                      "at": "\(Stopwatch.uptime)"])
        }
        if since == nil { logger.info("first start: recorded the sync position; earlier messages are not answered") }
        if outcome.handled > 0 { logger.debug("batch", metadata: ["events": "\(outcome.events)", "handled": "\(outcome.handled)"]) }
        return outcome
    }
}
