import ArgumentParser
import Foundation
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
        } catch {
            printError("login failed: \(error)")
            throw ExitCode.failure
        }
    }
}
