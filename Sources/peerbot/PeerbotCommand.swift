import ArgumentParser
import Foundation
import PeerBot
import PeerBotStore

/// The `peerbot` command line.
@main
struct PeerbotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peerbot",
        abstract: "A Matrix bot for peer learning on clinical placements.",
        subcommands: [Run.self, CheckConfig.self, ConfigExampleCommand.self, Login.self, GroupsCommand.self, Export.self, Forget.self, Rekey.self]
    )

    /// The allocator is capped before the concurrency runtime starts its worker threads.
    static func main() async {
        MallocArenas.limit()
        await main(nil)
    }
}

/// Exit status for a configuration the daemon cannot run with (sysexits' EX_CONFIG).
let exitConfig = ExitCode(78)

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Loads the configuration or exits 78 with every problem listed.
func loadConfig(_ path: String?) throws -> BotConfig {
    do {
        return try ConfigLoader().load(path: path ?? ConfigLoader.defaultPath(environment: ProcessInfo.processInfo.environment))
    } catch {
        printError(error.description)
        throw exitConfig
    }
}

/// Takes the database's lock and opens it, or exits 78 with one sentence: the daemon (or another
/// command) is using it, or the file cannot be opened. Keep the lock for as long as the database.
func openLockedDatabase(_ settings: BotConfig) throws -> (lock: DatabaseLock, database: AppDatabase) {
    let lock: DatabaseLock
    do {
        lock = try DatabaseLock(databasePath: settings.databasePath)
    } catch {
        printError("refused: \(error)")
        throw exitConfig
    }
    do {
        return (lock, try AppDatabase(path: settings.databasePath))
    } catch {
        printError(BotStop.badDatabase(String(describing: error)).description)
        throw exitConfig
    }
}
