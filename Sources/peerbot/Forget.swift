import ArgumentParser
import Foundation
import PeerBot
import PeerBotStore
import PeerLearning

struct Forget: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Erase one student's personal data, keeping anonymous counts.",
        discussion: "Works on the database file; stop the bot first (systemctl stop peerbot) so nothing of theirs is written again meanwhile."
    )

    @Argument(help: "The student's Matrix user id, e.g. @anna:example.org")
    var userID: String

    @Option(name: .long, help: "The configuration file (for the database path).")
    var config: String?

    func run() async throws {
        guard MatrixUserID.isValid(userID) else {
            printError("\(userID) is not a Matrix user id")
            throw ExitCode.validationFailure
        }
        let settings = try loadConfig(config)
        let (lock, database) = try openLockedDatabase(settings)
        defer { withExtendedLifetime(lock) {} }
        let who = userID
        let counts = try database.write { try $0.privacy.forget(userID: who, at: Date()) }
        try database.compact()
        print(PrivacyTexts.forgetDone(userID: userID, counts: counts))
    }
}
