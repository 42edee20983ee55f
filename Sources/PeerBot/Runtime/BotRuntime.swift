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

    public func run() async throws {
        let logger = Logger(label: "peerbot")
        let database = try AppDatabase(path: config.databasePath)
        let identity = try DeviceIdentity.load(config: config, database: database)
        let http = CurlHTTPClient()
        defer { http.shutdown() }
        let client = MatrixClient(homeserver: config.homeserver, accessToken: config.accessToken.value, transport: CurlTransport(http: http))
        let holder = ConfigHolder(config)
        let wakeup = Wakeup()
        let imports = Wakeup()
        let heartbeat = Heartbeat()
        let notifier = SystemdNotifier()
        let provisioner = RoomProvisioner(client: client, database: database, config: holder, logger: logger)
        var deviceKeys: DeviceKeyKeeper?
        if let identity { deviceKeys = DeviceKeyKeeper(identity: identity, client: client, database: database, userID: config.userID, logger: logger) }
        let sync = SyncService(client: client, database: database, config: holder, provisioner: provisioner,
                               outbox: wakeup, imports: imports, heartbeat: heartbeat, notifier: notifier, logger: logger,
                               deviceKeys: deviceKeys)
        let sender = OutboxSender(client: client, database: database, wakeup: wakeup, logger: logger, botUserID: config.userID)
        let importer = RosterImportService(client: client, database: database, config: holder, wakeup: imports, outbox: wakeup, logger: logger)
        let scheduler = SchedulerService(database: database, config: holder, outbox: wakeup, work: [JoinGraceCheck(), SessionJobs(), ReflectionJobs(), AssessmentJobs(), RetentionPurge(), Housekeeping()], logger: logger)
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: sender, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .cancelGroup, serviceName: "outbox"),
            .init(service: importer, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .cancelGroup, serviceName: "roster-import"),
            .init(service: scheduler, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .cancelGroup, serviceName: "scheduler"),
            .init(service: sync, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .cancelGroup, serviceName: "sync"),
        ]
        if let configPath {
            let reload = ConfigReloadService(path: configPath, holder: holder, provisioner: provisioner, outbox: wakeup, logger: logger)
            services.append(.init(service: reload, serviceName: "reload"))
        }
        if let interval = notifier.watchdogInterval {
            services.append(.init(service: WatchdogService(notifier: notifier, heartbeat: heartbeat, interval: interval), serviceName: "watchdog"))
        }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger
        ))
        logger.info("starting", metadata: ["user": "\(config.userID)", "homeserver": "\(config.homeserver)", "database": "\(config.databasePath)"])
        defer { notifier.stopping() }
        try await group.run()
        logger.info("stopped")
    }
}
