import Foundation
import Testing

extension BotEngineTests.DeviceIdentity {
    @Test("peerbot login with the config sets up cross-signing: the master and self-signing keys are published, the device is signed by the self-signing key, and the daemon goes on as that device")
    func loginBootstrapsCrossSigning() async throws {
        let server = try Homeserver.shared()
        let observer = try await TestUser.register(on: server, prefix: "observer")
        let directory = try server.environment.makeWorkDirectory(label: "xsign")
        let owner = try await PasswordAccount.register(on: server, writingTo: directory)
        let (password, botID, passwordFile) = (owner.password, owner.userID, owner.passwordFile)
        let tokenFile = directory.appendingPathComponent("access_token")
        let config = [
            "homeserver: \(BotProcess.quoted(server.baseURL.absoluteString))", "user_id: \(BotProcess.quoted(botID))",
            "access_token_file: \(BotProcess.quoted(tokenFile.path))", "supervisors:", "  - \(BotProcess.quoted(observer.userID))",
            "database: \(BotProcess.quoted(directory.appendingPathComponent("peerbot.sqlite").path))",
            "pickle_key_file: pickle_key", "log_level: debug",
        ].joined(separator: "\n") + "\n"
        try config.write(to: directory.appendingPathComponent("peerbot.yaml"), atomically: true, encoding: .utf8)
        let keyPath = directory.appendingPathComponent("pickle_key").path
        #expect(FileManager.default.createFile(atPath: keyPath, contents: Data((0..<32).map { _ in UInt8.random(in: 0...255) }),
                                               attributes: [.posixPermissions: 0o600]))

        let output = try await Shell.check(server.environment.botBinary, [
            "login", "--homeserver", server.baseURL.absoluteString, "--user", botID, "--password-file", passwordFile.path,
            "--token-file", tokenFile.path, "--config", directory.appendingPathComponent("peerbot.yaml").path,
        ])
        #expect(output.contains("cross-signing set up"), "login said: \(output)")
        #expect(!output.contains(password))

        let token = try String(contentsOf: tokenFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let whoami = try await server.http.request(.get, "/_matrix/client/v3/account/whoami", token: token)
        let deviceID = try #require(whoami["device_id"]?.string)
        let (device, selfSigningKey) = try await Self.expectCrossSigned(botID, device: deviceID, asSeenBy: observer)

        // The daemon takes over the device login made: same keys, still signed.
        let account = TestUser(userID: botID, accessToken: token, deviceID: deviceID, server: server)
        let bot = BotProcess(account: account, accessToken: token, directory: directory, binary: server.environment.botBinary)
        defer { bot.kill9() }
        try bot.start()
        _ = try await Polling.until("the daemon to publish its device keys", timeout: Polling.patience) {
            try bot.checkAlive()
            return bot.log.contains("device keys published") ? true : nil
        }
        #expect(!bot.log.contains("made the bot's encryption keys"), "the daemon made a second identity")
        let again = try await Self.publishedDevice(of: bot, asSeenBy: observer)
        #expect(again["keys"] == device["keys"])
        #expect(try Self.verifies(again, by: selfSigningKey, signer: botID, keyID: "ed25519:\(selfSigningKey)"))
    }

    @Test("peerbot login without --config, laid out as the shipped unit (configuration beside the token and the pickle key, ${CREDENTIALS_DIRECTORY}/pickle_key, the database in a state folder that does not exist yet), leaves the bot cross-signed, and the service's first start goes on as that device")
    func loginInTheUnitsLayoutBootstrapsCrossSigning() async throws {
        let server = try Homeserver.shared()
        let observer = try await TestUser.register(on: server, prefix: "observer")
        // `etc` stands for /etc/peerbot, `state` for the service's StateDirectory.
        let etc = try server.environment.makeWorkDirectory(label: "xsign-unit")
        let state = etc.appendingPathComponent("state")
        let owner = try await PasswordAccount.register(on: server, writingTo: etc)
        let (password, botID, passwordFile) = (owner.password, owner.userID, owner.passwordFile)
        let config = [
            "homeserver: \(BotProcess.quoted(server.baseURL.absoluteString))", "user_id: \(BotProcess.quoted(botID))",
            "supervisors:", "  - \(BotProcess.quoted(observer.userID))",
            "pickle_key_file: ${CREDENTIALS_DIRECTORY}/pickle_key", "log_level: debug",
        ].joined(separator: "\n") + "\n"
        try config.write(to: etc.appendingPathComponent("peerbot.yaml"), atomically: true, encoding: .utf8)
        #expect(FileManager.default.createFile(atPath: etc.appendingPathComponent("pickle_key").path,
                                               contents: Data((0..<32).map { _ in UInt8.random(in: 0...255) }),
                                               attributes: [.posixPermissions: 0o600]))

        // No --config: login finds the configuration where the daemon would (PEERBOT_CONFIG here,
        // /etc/peerbot/peerbot.yaml on a server), outside any service.
        let tokenFile = etc.appendingPathComponent("access_token")
        let output = try await Shell.check(URL(fileURLWithPath: "/usr/bin/env"), [
            "-u", "CREDENTIALS_DIRECTORY", "PEERBOT_CONFIG=\(etc.appendingPathComponent("peerbot.yaml").path)",
            "STATE_DIRECTORY=\(state.path)", server.environment.botBinary.path,
            "login", "--homeserver", server.baseURL.absoluteString, "--user", botID, "--password-file", passwordFile.path,
            "--token-file", tokenFile.path,
        ])
        #expect(output.contains("cross-signing set up"), "login said: \(output)")
        #expect(!output.contains(password))
        #expect(FileManager.default.fileExists(atPath: state.appendingPathComponent("peerbot.sqlite").path),
                "the database is not in the state folder: \(output)")

        let token = try String(contentsOf: tokenFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let whoami = try await server.http.request(.get, "/_matrix/client/v3/account/whoami", token: token)
        let deviceID = try #require(whoami["device_id"]?.string)
        let (device, selfSigningKey) = try await Self.expectCrossSigned(botID, device: deviceID, asSeenBy: observer)

        // The service: the token and the key come as credentials from the same folder.
        let account = TestUser(userID: botID, accessToken: token, deviceID: deviceID, server: server)
        let bot = BotProcess(account: account, accessToken: token, directory: etc, binary: server.environment.botBinary,
                             environment: ["CREDENTIALS_DIRECTORY": etc.path, "STATE_DIRECTORY": state.path])
        defer { bot.kill9() }
        try bot.start()
        _ = try await Polling.until("the service to publish its device keys", timeout: Polling.patience) {
            try bot.checkAlive()
            return bot.log.contains("device keys published") ? true : nil
        }
        #expect(!bot.log.contains("made the bot's encryption keys"), "the service made a second identity")
        let again = try await Self.publishedDevice(of: bot, asSeenBy: observer)
        #expect(again["keys"] == device["keys"])
        #expect(try Self.verifies(again, by: selfSigningKey, signer: botID, keyID: "ed25519:\(selfSigningKey)"))
    }

    /// What Element checks to show the bot as verified by its owner, as `/keys/query` shows it to
    /// `observer`: a master key and a self-signing key signed by it, and the device signed by the
    /// self-signing key (and the master key by the device). Returns the device and the self-signing key.
    static func expectCrossSigned(_ botID: String, device deviceID: String, asSeenBy observer: TestUser) async throws
        -> (device: JSON, selfSigningKey: String) {
        let published = try await observer.call(.post, "/_matrix/client/v3/keys/query", body: .object(["device_keys": .object([botID: []])]))
        let master = try #require(published["master_keys"]?[botID], "no master key: \(published.text)")
        let selfSigning = try #require(published["self_signing_keys"]?[botID], "no self-signing key: \(published.text)")
        let masterKey = try #require(master["keys"]?.object?.values.first?.string)
        let selfSigningKey = try #require(selfSigning["keys"]?.object?.values.first?.string)
        #expect(master["usage"] == ["master"])
        #expect(selfSigning["usage"] == ["self_signing"])
        #expect(try verifies(selfSigning, by: masterKey, signer: botID, keyID: "ed25519:\(masterKey)"),
                "the self-signing key is not signed by the master key: \(selfSigning.text)")
        let device = try #require(published["device_keys"]?[botID]?[deviceID], "the device's keys are not published")
        #expect(try verifies(device, by: selfSigningKey, signer: botID, keyID: "ed25519:\(selfSigningKey)"),
                "the device is not signed by the self-signing key: \(device.text)")
        let deviceEd25519 = try #require(device["keys"]?["ed25519:\(deviceID)"]?.string)
        #expect(try verifies(master, by: deviceEd25519, signer: botID, keyID: "ed25519:\(deviceID)"),
                "the master key is not signed by the device")
        return (device, selfSigningKey)
    }
}
