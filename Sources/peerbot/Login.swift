import ArgumentParser
import Foundation
import Logging
import MatrixClient
import PeerBot

struct Login: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Log the bot's account in, write its access token to a file, and set up cross-signing for an encryption device.")

    @Option(name: .long, help: "The homeserver's base URL, e.g. https://matrix.example.org")
    var homeserver: String

    @Option(name: .long, help: "The bot's user id, e.g. @peerbot:example.org")
    var user: String

    @Option(name: .long, help: "A file holding the password (else it is read from standard input).")
    var passwordFile: String?

    @Option(name: .long, help: "Where to write the access token (mode 0600).")
    var tokenFile: String = "access_token"

    @Option(name: .long, help: "Reuse this device id instead of creating a new device.")
    var deviceID: String?

    @Option(name: .long, help: """
        The bot's configuration (default: $PEERBOT_CONFIG, else /etc/peerbot/peerbot.yaml when it exists). \
        With pickle_key_file in it, login also makes the device's encryption keys and the account's \
        cross-signing keys, and signs the device.
        """)
    var config: String?

    func run() async throws {
        let password = try readPassword()
        let environment = ProcessInfo.processInfo.environment
        let configPath = LoginConfiguration.path(explicit: config, environment: environment) {
            FileManager.default.fileExists(atPath: $0)
        }
        // Everything that can be checked is checked before a device is made on the homeserver.
        let plan = try configPath.map { try CrossSigningPlan.prepare(configPath: $0, user: user, deviceID: deviceID) }
        do {
            let answer = try await AccountLogin.login(homeserver: homeserver, user: user, password: password, deviceID: deviceID, tokenFile: tokenFile)
            print("logged in as \(answer.userID), device \(answer.deviceID); token written to \(tokenFile)")
            guard let plan else {
                print("cross-signing: not set up, there is no configuration at \(ConfigLoader.defaultPath(environment: environment)) "
                    + "(name it with --config, then log in again with --device-id \(answer.deviceID))")
                return
            }
            try await plan.crossSign(answer, password: password)
        } catch let stop as BotStop {
            printError(stop.description)
            throw ExitCode(stop.exitStatus)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            printError("login failed: \(error)")
            throw ExitCode.failure
        }
    }

    private func readPassword() throws -> String {
        guard let passwordFile else {
            FileHandle.standardError.write(Data("password: ".utf8))
            return readLine(strippingNewline: true) ?? ""
        }
        // Read through a file handle so that a pipe (`--password-file <(…)`) works too.
        guard let handle = FileHandle(forReadingAtPath: passwordFile), let bytes = try? handle.readToEnd(),
              let text = String(data: bytes, encoding: .utf8) else {
            printError("cannot read \(passwordFile)")
            throw ExitCode.failure
        }
        return text.trimmingCharacters(in: .newlines)
    }
}
