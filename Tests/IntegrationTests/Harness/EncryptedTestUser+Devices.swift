import Foundation

extension EncryptedTestUser {
    /// Registers `prefix-<random>` and logs its first device in; `more()` logs the same account in
    /// again as a new device (another encrypted client, as a student's phone beside their laptop).
    static func registerWithDevices(on server: Homeserver, prefix: String) async throws
        -> (first: EncryptedTestUser, more: @Sendable () async throws -> EncryptedTestUser)
    {
        let localpart = RandomName.localpart(prefix)
        let password = "pw-\(RandomName.suffix())\(RandomName.suffix())"
        try await server.register(localpart: localpart, password: password)
        let login: @Sendable () async throws -> EncryptedTestUser = {
            try await logIn(on: server, localpart: localpart, password: password)
        }
        return (try await login(), login)
    }

    /// A new device of an existing account: its own nio client, store and keys.
    static func logIn(on server: Homeserver, localpart: String, password: String) async throws -> EncryptedTestUser {
        let directory = try server.environment.makeWorkDirectory(label: "nio-\(localpart)-\(RandomName.suffix())")
        let connection = try NioConnection(environment: server.environment, logURL: directory.appendingPathComponent("nio.log"))
        await connection.start()
        do {
            let login = try await connection.request("login", [
                "homeserver": .string(server.baseURL.absoluteString), "user": .string(localpart),
                "password": .string(password), "store_dir": .string(directory.appendingPathComponent("store").path),
            ])
            guard let userID = login["user_id"]?.string, let deviceID = login["device_id"]?.string,
                  let token = login["access_token"]?.string, let ed25519 = login["ed25519"]?.string,
                  let curve25519 = login["curve25519"]?.string
            else { throw HarnessError.badResponse(path: "nio login", body: login.text) }
            return EncryptedTestUser(
                userID: userID, deviceID: deviceID, ed25519: ed25519, curve25519: curve25519, server: server,
                plain: TestUser(userID: userID, accessToken: token, deviceID: deviceID, server: server), connection: connection)
        } catch {
            await connection.stop()
            throw error
        }
    }
}
