import Foundation

/// A bot account registered with a password, as `peerbot login --password-file` needs one, and
/// that password written (mode as created) to `password` in the given folder.
struct PasswordAccount: Sendable {
    let localpart: String
    let password: String
    let userID: String
    let passwordFile: URL

    static func register(on server: Homeserver, writingTo directory: URL) async throws -> PasswordAccount {
        let localpart = RandomName.localpart("peerbot")
        let password = "pw-\(RandomName.suffix())\(RandomName.suffix())"
        let userID = try await server.register(localpart: localpart, password: password)
        let passwordFile = directory.appendingPathComponent("password")
        try (password + "\n").write(to: passwordFile, atomically: true, encoding: .utf8)
        return PasswordAccount(localpart: localpart, password: password, userID: userID, passwordFile: passwordFile)
    }
}
