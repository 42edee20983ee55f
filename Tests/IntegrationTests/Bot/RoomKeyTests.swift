import Foundation
import MatrixCrypto
import PeerBotStore
import Testing

extension BotEngineTests.DeviceIdentity {
    @Test("a room key that a vodozemac client shares over Olm is stored by the bot and opens that client's Megolm messages")
    func roomKeyFromAClient() async throws {
        let server = try Homeserver.shared()
        let student = try await TestUser.register(on: server, prefix: "student")
        let bot = try await BotProcess.prepare(on: server, supervisors: [student.userID], extra: ["pickle_key_file": "pickle_key"],
                                               label: "roomkey")
        defer { bot.kill9() }
        try Self.writePickleKey(for: bot)
        try bot.start()
        let device = bot.account.deviceID
        _ = try await Self.publishedDevice(of: bot, asSeenBy: student)

        // The client checks the bot's signatures itself (vodozemac) before it trusts the keys.
        let room = "!placement-\(RandomName.suffix()):localhost"
        let python = server.environment.root.appendingPathComponent(".local/venv/bin/python")
        let script = server.environment.root.appendingPathComponent("scripts/e2ee/share-room-key.py").path
        let output = try await Shell.check(python, [script, server.baseURL.absoluteString, student.accessToken, bot.userID, device,
                                                   room, "Hej fra stuen", student.userID])
        let line = try #require(output.split(separator: "\n").last.map(String.init))
        let shared = try JSONDecoder().decode([String: String].self, from: Data(line.utf8))
        let senderKey = try #require(shared["sender_key"])
        let sessionID = try #require(shared["session_id"])
        let ciphertext = try #require(shared["ciphertext"])

        let database = try AppDatabase(path: bot.databaseURL.path)
        let stored = try await Polling.until("the bot to store the room key", timeout: Polling.patience) {
            try bot.checkAlive()
            return try database.read { try $0.keys.megolmSession(roomID: room, senderKey: senderKey, sessionID: sessionID) }
        }
        #expect(stored.senderUserID == student.userID)
        let keyBytes = try Data(contentsOf: bot.directory.appendingPathComponent("pickle_key"))
        let session = try MegolmInboundSession(pickle: stored.pickle, key: try PickleKey(Array(keyBytes)))
        let opened = try session.decrypt(ciphertext)
        #expect(String(decoding: opened.plaintext, as: UTF8.self) == "Hej fra stuen")
        #expect(!bot.log.contains(stored.pickle), "a pickle is in the log")
    }
}
