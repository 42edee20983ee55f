import Foundation
import MatrixCrypto
import PeerBotStore
import Testing

extension BotEngineTests.EncryptedReceiving {
    @Test("a message whose key its sender gives only to another device of the bot's account: the bot asks its own devices too, that device (cross-signed by the bot's self-signing key) forwards the key, and the command is answered and the request withdrawn")
    func ownVerifiedDeviceForwardsAWithheldKey() async throws {
        let server = try Homeserver.shared()
        async let supervisorUser = EncryptedTestUser.register(on: server, prefix: "supervisor")
        async let studentUser = EncryptedTestUser.register(on: server, prefix: "student")
        let (supervisor, student) = try await (supervisorUser, studentUser)
        defer { Task { await supervisor.stop(); await student.stop() } }
        let (bot, localpart, password) = try await Self.crossSignedBot(on: server, supervisors: [supervisor.userID])
        defer { bot.kill9() }
        try bot.start()
        _ = try await BotEngineTests.DeviceIdentity.publishedDevice(of: bot, asSeenBy: student.plain)
        let botID = bot.userID, botDevice = bot.account.deviceID

        // The bot account's other device (as its owner's Element would be), signed by the bot's
        // self-signing key; it trusts the bot's device in turn.
        let own = try await EncryptedTestUser.logIn(on: server, localpart: localpart, password: password)
        defer { Task { await own.stop() } }
        try await Self.crossSign(own, of: bot)
        _ = try await own.trust(botID, deviceID: botDevice)

        let room = try await Self.room(by: supervisor, with: bot, and: student, encrypted: true)
        let first = try await student.send("!help", in: room)
        _ = try await Self.answer(to: first, in: room, from: bot, seenBy: student)

        // The student gives the key to the bot's other device only, before sending.
        let sessionID = try await student.withholdSession(in: room)
        try await student.shareWithheldKey(sessionID, with: botID, device: own.deviceID)
        _ = try await Polling.until("the bot account's other device to hold the key", timeout: Polling.patience) {
            try await own.hasRoomKey(sessionID) ? true : nil
        }
        let (ask, _) = try await student.sendWithheld("!help", in: room, session: sessionID)
        let answer = try await Self.answer(to: ask, in: room, from: bot, seenBy: student)
        #expect(answer.peerbotKind == "help")
        #expect(!bot.log.contains("forwarded room key not taken"), "a forward was refused:\n\(bot.logTail())")
        // The key reached the bot from its own account (the forward), never from the student.
        #expect(bot.log.split(separator: "\n").contains { $0.contains("room key received") && $0.contains("sender=\(botID) ") },
                "no room key from the bot's own device:\n\(bot.logTail())")

        let isRequest: @Sendable (JSON) -> Bool = {
            $0["sender"]?.string == botID && $0["content"]?["action"] == "request"
                && $0["content"]?["body"]?["session_id"]?.string == sessionID
        }
        let request = try #require(try await own.keyRequests().first(where: isRequest), "the bot did not ask its own device")
        #expect(request["content"]?["requesting_device_id"]?.string == botDevice)
        let requestID = try #require(request["content"]?["request_id"]?.string)
        for device in [own, student] {
            _ = try await Polling.until("the request withdrawn at \(device.deviceID)", timeout: Polling.patience) {
                try bot.checkAlive()
                return try await device.keyRequests().contains {
                    $0["content"]?["action"] == "request_cancellation" && $0["content"]?["request_id"]?.string == requestID
                } ? true : nil
            }
        }
        try await Self.expectOneAnswerEach(to: [first, ask], in: room, from: bot, seenBy: student)
    }

    /// A bot whose account `peerbot login --config` cross-signed: returns it (not started) with
    /// its account's localpart and password, for logging in another device of the same account.
    static func crossSignedBot(on server: Homeserver, supervisors: [String]) async throws
        -> (bot: BotProcess, localpart: String, password: String) {
        let directory = try server.environment.makeWorkDirectory(label: "e2ee-own-forward")
        let owner = try await PasswordAccount.register(on: server, writingTo: directory)
        let (localpart, password, botID, passwordFile) = (owner.localpart, owner.password, owner.userID, owner.passwordFile)
        let tokenFile = directory.appendingPathComponent("access_token")
        let config = [
            "homeserver: \(BotProcess.quoted(server.baseURL.absoluteString))", "user_id: \(BotProcess.quoted(botID))",
            "access_token_file: \(BotProcess.quoted(tokenFile.path))", "supervisors:",
        ] + supervisors.map { "  - \(BotProcess.quoted($0))" } + [
            "database: \(BotProcess.quoted(directory.appendingPathComponent("peerbot.sqlite").path))",
            "pickle_key_file: pickle_key", "undecryptable_after: 10m", "log_level: debug",
        ]
        try (config.joined(separator: "\n") + "\n").write(to: directory.appendingPathComponent("peerbot.yaml"), atomically: true, encoding: .utf8)
        #expect(FileManager.default.createFile(atPath: directory.appendingPathComponent("pickle_key").path,
                                               contents: Data((0..<32).map { _ in UInt8.random(in: 0...255) }),
                                               attributes: [.posixPermissions: 0o600]))
        let output = try await Shell.check(server.environment.botBinary, [
            "login", "--homeserver", server.baseURL.absoluteString, "--user", botID, "--password-file", passwordFile.path,
            "--token-file", tokenFile.path, "--config", directory.appendingPathComponent("peerbot.yaml").path,
        ])
        #expect(output.contains("cross-signing set up"), "login said: \(output)")
        let token = try String(contentsOf: tokenFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let whoami = try await server.http.request(.get, "/_matrix/client/v3/account/whoami", token: token)
        let deviceID = try #require(whoami["device_id"]?.string)
        let account = TestUser(userID: botID, accessToken: token, deviceID: deviceID, server: server)
        return (BotProcess(account: account, accessToken: token, directory: directory, binary: server.environment.botBinary),
                localpart, password)
    }

    /// Signs `device` (another device of the bot's account) with the bot's self-signing key, as
    /// its owner verifying it would: the key is read from the bot's database with the pickle key.
    static func crossSign(_ device: EncryptedTestUser, of bot: BotProcess) async throws {
        let query = try await bot.account.call(.post, "/_matrix/client/v3/keys/query", body: ["device_keys": [bot.userID: []]])
        let keys = try #require(query["device_keys"]?[bot.userID]?[device.deviceID], "the other device's keys: \(query.text)")
        let stored = try #require(try AppDatabase(path: bot.databaseURL.path).read { try $0.devices.crossSigningKeys() })
        let pickleKey = try PickleKey(Array(Data(contentsOf: bot.directory.appendingPathComponent("pickle_key"))))
        let crossSigning = try CrossSigningKeys(sealed: stored.pickle, key: pickleKey)
        let object = try JSONDecoder().decode([String: JSONValue].self, from: JSONEncoder().encode(keys))
        let signed = try crossSigning.signDevice(object, userID: bot.userID)
        let body = try JSONDecoder().decode(JSON.self, from: JSONEncoder().encode([bot.userID: [device.deviceID: signed]]))
        let answer = try await bot.account.call(.post, "/_matrix/client/v3/keys/signatures/upload", body: body)
        #expect(answer["failures"]?.object?.isEmpty ?? true, "the signature was refused: \(answer.text)")
    }
}
