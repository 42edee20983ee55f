import Foundation

/// A Matrix account whose device is a real end-to-end encrypted client: a matrix-nio (vodozemac)
/// process, scripts/e2ee/nio_client.py (its header documents the line protocol). It publishes
/// its own keys and runs a full sync loop, so the bot can share room keys with it and read what
/// it sends; what it sends into an encrypted room is encrypted, as Element's would be.
struct EncryptedTestUser: Sendable {
    let userID: String
    let deviceID: String
    let ed25519: String
    let curve25519: String
    let server: Homeserver
    /// The same account and device for plain client-server calls (room state, raw events as the
    /// homeserver keeps them). Never `sync` with it: that would take this device's to-device
    /// messages (room keys) away from the encrypted client.
    let plain: TestUser
    let connection: NioConnection

    /// Registers `prefix-<random>`, starts its encrypted client, logs in and returns once the
    /// client has synced and its device keys are on the homeserver.
    static func register(on server: Homeserver, prefix: String) async throws -> EncryptedTestUser {
        let localpart = RandomName.localpart(prefix)
        let password = "pw-\(RandomName.suffix())\(RandomName.suffix())"
        try await server.register(localpart: localpart, password: password)
        let directory = try server.environment.makeWorkDirectory(label: "nio-\(localpart)")
        let connection = try NioConnection(environment: server.environment, logURL: directory.appendingPathComponent("nio.log"))
        await connection.start()
        let login: JSON
        do {
            login = try await connection.request("login", [
                "homeserver": .string(server.baseURL.absoluteString), "user": .string(localpart),
                "password": .string(password), "store_dir": .string(directory.appendingPathComponent("store").path),
            ])
        } catch {
            await connection.stop()
            throw error
        }
        guard let userID = login["user_id"]?.string, let deviceID = login["device_id"]?.string,
              let token = login["access_token"]?.string, let ed25519 = login["ed25519"]?.string,
              let curve25519 = login["curve25519"]?.string
        else {
            await connection.stop()
            throw HarnessError.badResponse(path: "nio login", body: login.text)
        }
        return EncryptedTestUser(
            userID: userID, deviceID: deviceID, ed25519: ed25519, curve25519: curve25519, server: server,
            plain: TestUser(userID: userID, accessToken: token, deviceID: deviceID, server: server), connection: connection)
    }

    /// Sends one protocol request; returns its `result`.
    @discardableResult
    func request(_ op: String, _ arguments: [String: JSON] = [:], timeout: Duration = Polling.patience) async throws -> JSON {
        try await connection.request(op, arguments, timeout: timeout)
    }

    /// Stops the client process.
    func stop() async { await connection.stop() }

    /// The last lines of this client's log, for failure messages.
    var logTail: String { connection.logTail() }
}
