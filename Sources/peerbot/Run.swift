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
            try await BotRuntime(config: settings, configPath: config ?? ConfigLoader.defaultPath).run()
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

    func run() async throws {
        let settings = try loadConfig(config)
        for warning in settings.warnings { printError("warning: " + warning) }
        print("configuration OK: \(settings.userID) on \(settings.homeserver), \(settings.supervisors.count) supervisor(s), database \(settings.databasePath)")
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
