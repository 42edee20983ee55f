import ArgumentParser
import Foundation
import PeerBot

struct Rekey: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Reseal the bot's encryption keys under a new pickle key.",
        discussion: """
            Opens every key in the database with the current pickle_key_file and seals it again with \
            the new key file, in one transaction. Stop the bot first; then put the new key where \
            pickle_key_file points (docs/admin-guide.md, section 8).
            """
    )

    @Option(name: .long, help: "The configuration file (for the database and the current pickle_key_file).")
    var config: String?

    @Option(name: .customLong("new-key-file"), help: "A file of exactly 32 new random bytes.")
    var newKeyFile: String

    func run() async throws {
        let settings = try loadConfig(config)
        guard let current = settings.pickleKeyFile else {
            printError("pickle_key_file is not set: there are no keys to reseal")
            throw exitConfig
        }
        let (lock, database) = try openLockedDatabase(settings)
        defer { withExtendedLifetime(lock) {} }
        do {
            let count = try PickleRekey.reseal(database, from: PickleRekey.readKey(current), to: PickleRekey.readKey(newKeyFile))
            print("resealed \(count) keys under \(newKeyFile); now replace \(current) with it before the next start")
        } catch {
            printError("refused, nothing changed: \(error)")
            throw exitConfig
        }
    }
}
