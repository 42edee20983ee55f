import Logging
import ServiceLifecycle
import UnixSignals

/// On SIGHUP, reads the configuration file again; a bad file is refused and the old one stays.
struct ConfigReloadService: Service {
    let path: String
    let holder: ConfigHolder
    let provisioner: RoomProvisioner
    let outbox: Wakeup
    let logger: Logger

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        await cancelWhenGracefulShutdown { [self] in
            for await _ in signals { reload() }
        }
    }

    func reload() {
        let new: BotConfig
        do {
            new = try ConfigLoader().load(path: path)
        } catch {
            logger.error("refused the reloaded configuration \(path); the previous one stays in force: \(error.problems.map(\.description).joined(separator: "; "))")
            return
        }
        let previous = holder.current
        let (merged, needRestart) = previous.reloaded(with: new)
        holder.replace(with: merged)
        if !needRestart.isEmpty {
            logger.warning("these keys change only on restart and were kept as they were: \(needRestart.joined(separator: ", "))")
        }
        do {
            try provisioner.inviteNewSupervisors(merged)
            try provisioner.database.write { try SupervisorChanges.carry(config: merged, writer: $0) }
            outbox.signal()
        } catch {
            logger.error("could not queue the supervisors' invites and power levels: \(error)")
        }
        logger.notice("configuration reloaded", metadata: ["supervisors": "\(merged.supervisors.count)", "language": "\(merged.language.rawValue)"])
    }
}
