import ArgumentParser
import Foundation
import Logging
import MatrixClient
import PeerBot

struct Login: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Log the bot's account in and write its access token to a file.")

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

    @Option(name: .long, help: "The bot's configuration (with pickle_key_file): also make the device's encryption keys and the account's cross-signing keys, and sign the device.")
    var config: String?

    func run() async throws {
        let password: String
        if let passwordFile {
            // Read through a file handle so that a pipe (`--password-file <(…)`) works too.
            guard let handle = FileHandle(forReadingAtPath: passwordFile), let bytes = try? handle.readToEnd(),
                  let text = String(data: bytes, encoding: .utf8) else {
                printError("cannot read \(passwordFile)")
                throw ExitCode.failure
            }
            password = text.trimmingCharacters(in: .newlines)
        } else {
            FileHandle.standardError.write(Data("password: ".utf8))
            password = readLine(strippingNewline: true) ?? ""
        }
        do {
            let answer = try await AccountLogin.login(homeserver: homeserver, user: user, password: password, deviceID: deviceID, tokenFile: tokenFile)
            print("logged in as \(answer.userID), device \(answer.deviceID); token written to \(tokenFile)")
            if let config { try await crossSign(answer, password: password, configPath: config) }
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

    /// Cross-signing for the account, with the new token (whatever the config names as the token).
    private func crossSign(_ answer: LoginResponse, password: String, configPath: String) async throws {
        var environment = ProcessInfo.processInfo.environment
        environment["PEERBOT_ACCESS_TOKEN"] = answer.accessToken
        var settings: BotConfig
        do {
            settings = try ConfigLoader(environment: environment).load(path: configPath)
        } catch {
            printError(error.description)
            throw exitConfig
        }
        settings.accessToken = Secret(answer.accessToken)
        guard settings.userID == answer.userID else {
            printError("user_id: the configuration is for \(settings.userID), but the login was as \(answer.userID)")
            throw exitConfig
        }
        let (lock, database) = try openLockedDatabase(settings)
        defer { withExtendedLifetime(lock) {} }
        let outcome = try await CrossSigningBootstrap.run(config: settings, database: database, password: password,
                                                          logger: Logger(label: "peerbot"))
        print("cross-signing \(outcome.madeNew ? "set up" : "published again"): master key \(outcome.masterKey); "
            + "device \(outcome.deviceID) signed by the self-signing key")
    }
}
