import ArgumentParser
import Foundation
import PeerBot

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the bot (the daemon).")

    @Option(name: .long, help: "The configuration file.")
    var config: String?

    func run() async throws {
        let settings = try loadConfig(config)
        BotLogging.bootstrap(level: settings.logLevel)
        do {
            try await BotRuntime(config: settings, configPath: config ?? ConfigLoader.defaultPath(environment: ProcessInfo.processInfo.environment)).run()
        } catch let stop as BotStop {
            BotLogging.critical(stop.description)
            throw ExitCode(stop.exitStatus)
        }
    }
}

struct CheckConfig: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check-config", abstract: "Validate the configuration file; exit 0 or 78.")

    @Option(name: .long, help: "The configuration file.")
    var config: String?

    @Flag(name: .long, help: "Also print every key with the value in force, [default] and [restart] marked.")
    var settings = false

    func run() async throws {
        let loaded = try loadConfig(config)
        for warning in loaded.warnings { printError("warning: " + warning) }
        print("configuration OK: \(loaded.userID) on \(loaded.homeserver), \(loaded.supervisors.count) supervisor(s), database \(loaded.databasePath)")
        if settings { loaded.settings.forEach { print($0) } }
    }
}

struct ConfigExampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config-example",
        abstract: "Print the example configuration file, every key with its default (config/peerbot.example.yaml).")

    @Flag(name: .long, help: "Print the key table of docs/admin-guide.md (section 7) instead.")
    var markdown = false

    func run() {
        print(markdown ? ConfigExample.markdownTable() : ConfigExample.yaml(), terminator: "")
    }
}
