import CurlHTTP
import Foundation
import Logging
import MatrixClient
import PeerBotStore
import ServiceLifecycle

/// The daemon: wires the store, the homeserver client and the services, and runs them until
/// SIGTERM (exit 0) or a stop the bot cannot recover from (`BotStop`, exit 78).
public struct BotRuntime: Sendable {
    public let config: BotConfig
    public let configPath: String?

    public init(config: BotConfig, configPath: String? = nil) {
        self.config = config
        self.configPath = configPath
    }

    /// After SIGTERM, the services have this long to stop by themselves before they are
    /// cancelled: the outbox's drain and a margin, inside the 5 s the bot has to exit.
    static let gracefulShutdownLimit: Duration = .seconds(4)

    public func run() async throws {
        MallocArenas.limit()
        let logger = Logger(label: "peerbot")
        let lock: DatabaseLock
        do {
            lock = try DatabaseLock(databasePath: config.databasePath)
        } catch {
            throw BotStop.databaseLocked(String(describing: error))
        }
        defer { withExtendedLifetime(lock) {} }
        let database: AppDatabase
        do {
            database = try AppDatabase(path: config.databasePath)
        } catch {
            throw BotStop.badDatabase(String(describing: error))
        }
        let identity = try DeviceIdentity.load(config: config, database: database)
        let pickleKey = identity?.pickleKey
        let http = CurlHTTPClient()
        defer { http.shutdown() }
        let client = MatrixClient(homeserver: config.homeserver, accessToken: config.accessToken.value, transport: CurlTransport(http: http))
        let holder = ConfigHolder(config)
        let wakeup = Wakeup()
        let imports = Wakeup()
        let heartbeat = Heartbeat()
        let jobsHeartbeat = Heartbeat()
        let progress = SyncProgress()
        let idle = IdleMemoryRelease(database: database)
        let notifier = SystemdNotifier()
        let provisioner = RoomProvisioner(client: client, database: database, config: holder, logger: logger)
        var deviceKeys: DeviceKeyKeeper?
        if let identity { deviceKeys = DeviceKeyKeeper(identity: identity, client: client, database: database, userID: config.userID, logger: logger) }
        let sync = SyncService(client: client, database: database, config: holder, provisioner: provisioner,
                               outbox: wakeup, imports: imports, heartbeat: heartbeat, progress: progress, notifier: notifier, logger: logger,
                               deviceKeys: deviceKeys, idle: idle)
        let encryptor = pickleKey.map {
            RoomEncryptor(client: client, database: database, pickleKey: $0, userID: config.userID, language: config.language, logger: logger)
        }
        let sender = OutboxSender(client: client, database: database, wakeup: wakeup, logger: logger, botUserID: config.userID,
                                  language: config.language, prefix: config.commandPrefix, encryptor: encryptor)
        let importer = RosterImportService(client: client, database: database, config: holder, wakeup: imports, outbox: wakeup, logger: logger,
                                           keyring: deviceKeys?.keyring)
        let scheduler = SchedulerService(database: database, config: holder, outbox: wakeup, work: [JoinGraceCheck(), SessionJobs(), ReflectionJobs(), AssessmentJobs(), OverviewJobs(), RetentionPurge(), Housekeeping()],
                                         logger: logger, progress: progress, heartbeat: jobsHeartbeat,
                                         breadcrumb: JobBreadcrumb(path: config.databasePath + ".job"))
        // SIGTERM shuts the services down one after another in the reverse of this list: the
        // watchdog and the reload first, then sync (the long-poll stops, the batch in hand is
        // committed), the scheduler and the roster import, and the outbox last, so the answers those
        // committed go out in the outbox's share of the 5 s (`OutboxSender.drainBudget`); whatever
        // still runs after `maximumGracefulShutdownDuration` is cancelled.
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: sender, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .cancelGroup, serviceName: "outbox"),
            .init(service: importer, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .cancelGroup, serviceName: "roster-import"),
            .init(service: scheduler, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .cancelGroup, serviceName: "scheduler"),
            .init(service: sync, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .cancelGroup, serviceName: "sync"),
        ]
        services.append(.init(service: idle, serviceName: "memory"))
        if let configPath {
            let reload = ConfigReloadService(path: configPath, holder: holder, provisioner: provisioner, outbox: wakeup, logger: logger)
            services.append(.init(service: reload, serviceName: "reload"))
        }
        if let interval = notifier.watchdogInterval {
            services.append(.init(service: WatchdogService(notifier: notifier, heartbeats: [heartbeat, jobsHeartbeat], interval: interval), serviceName: "watchdog"))
        }
        var configuration = ServiceGroupConfiguration(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = Self.gracefulShutdownLimit
        let group = ServiceGroup(configuration: configuration)
        logger.info("starting", metadata: ["user": "\(config.userID)", "homeserver": "\(config.homeserver)", "database": "\(config.databasePath)"])
        defer { notifier.stopping() }
        do {
            try await group.run()
        } catch let stop as BotStop {
            throw stop
        } catch {
            // A redirect or a 400/401 on sync or whoami: the same answer would come after a restart.
            if let stop = BotStop.configurationClass(error) { throw stop }
            throw error
        }
        logger.info("stopped")
    }
}
