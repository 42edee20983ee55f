import Foundation
import MatrixCrypto
import PeerBotStore
import Testing

extension BotEngineTests {
    /// What the bot sends into encrypted rooms, read by real encrypted clients (matrix-nio on vodozemac).
    @Suite("Encrypted rooms: sending")
    struct EncryptedSendingSuite {
        @Test("with encrypt_rooms the supervisor room is encrypted from the start: the homeserver holds only ciphertext, the welcome, answers and !export files are read by the supervisor's client and by a device added later, and after a SIGKILL amid a burst of commands each is answered once, in the same session, never at an index used before")
        func encryptedSupervisorRoom() async throws {
            let server = try Homeserver.shared()
            let (supervisor, moreDevices) = try await EncryptedTestUser.registerWithDevices(on: server, prefix: "supervisor")
            defer { Task { await supervisor.stop() } }
            let bot = try await BotProcess.prepare(on: server, supervisors: [supervisor.userID],
                                                   extra: ["pickle_key_file": "pickle_key", "encrypt_rooms": "true"], label: "e2ee-send")
            defer { bot.kill9() }
            try DeviceIdentity.writePickleKey(for: bot)
            try bot.start()

            let room = try await supervisor.waitForInvite(from: bot.userID, timeout: Polling.patience, check: bot.checkAlive)
            try await supervisor.join(room)
            try await supervisor.waitUntilEncrypted(room)
            let botID = bot.userID
            // The welcome was encrypted before the supervisor joined: invitees get the key too.
            let welcome = try await supervisor.waitFor("the bot's welcome", in: room, timeout: Polling.patience, check: bot.checkAlive) {
                $0.sender == botID && $0.isMessage
            }[0]
            #expect(welcome.wasEncrypted && welcome.isDecrypted && !welcome.body.isEmpty, "welcome: \(welcome)")

            let ask = try await supervisor.send("!help", in: room)
            let answer = try await EncryptedReceiving.answer(to: ask, in: room, from: bot, seenBy: supervisor)
            #expect(answer.wasEncrypted && answer.peerbotKind == "help")

            // !export: the files go up as ciphertext, and the client decrypts them to the CSV.
            let export = try await supervisor.send("!export", in: room)
            _ = try await EncryptedReceiving.answer(to: export, in: room, from: bot, seenBy: supervisor)
            let files = try await supervisor.waitFor("the exported files", in: room, timeout: Polling.patience, check: bot.checkAlive) {
                $0.sender == botID && $0.msgtype == "m.file"
            }
            let file = files[0]
            #expect(file.wasEncrypted && file.content["url"] == nil && file.content["file"]?["url"]?.string != nil, "export: \(file)")
            let csv = try await supervisor.download(fileOf: file)
            let stored = try await supervisor.plain.download(try #require(file.content["file"]?["url"]?.string)).data
            #expect(String(decoding: csv, as: UTF8.self).split(separator: "\n").first?.contains(",") == true, "not a CSV: \(csv.prefix(80))")
            #expect(stored != csv && stored.count == csv.count, "the homeserver holds the export in the clear")

            // A device logged in later (its keys announced by device_lists) reads the next answer.
            let tablet = try await moreDevices()
            defer { Task { await tablet.stop() } }
            try await tablet.sync(rounds: 2)
            let second = try await supervisor.send("!help", in: room)
            let forTablet = try await EncryptedReceiving.answer(to: second, in: room, from: bot, seenBy: tablet)
            #expect(forTablet.isDecrypted && forTablet.peerbotKind == "help", "the new device could not read: \(forTablet)")

            // SIGKILL in the middle of a burst of commands: each is answered once, every answer readable.
            var burst: [String] = []
            for _ in 0..<4 { burst.append(try await supervisor.send("!help", in: room)) }
            _ = try await EncryptedReceiving.answer(to: burst[0], in: room, from: bot, seenBy: supervisor)
            try await bot.restart()
            let third = try await supervisor.send("!help", in: room)
            for eventID in burst + [third] {
                let answered = try await EncryptedReceiving.answer(to: eventID, in: room, from: bot, seenBy: supervisor)
                #expect(answered.isDecrypted, "an answer after the crash cannot be read: \(answered)")
            }
            try await EncryptedReceiving.expectOneAnswerEach(to: [ask, second, third] + burst, in: room, from: bot, seenBy: supervisor)

            // As the homeserver keeps them: every message of the bot is ciphertext, and no Megolm
            // index of a session was used twice, across the restart too.
            let raw = try await supervisor.plain.history(of: room).filter { $0.sender == botID && $0.stateKey == nil && $0.type != "m.room.redaction" }
            #expect(!raw.isEmpty && raw.allSatisfy { $0.type == "m.room.encrypted" }, "plaintext on the homeserver: \(raw.filter { $0.type != "m.room.encrypted" })")
            let indexes = try Self.megolmIndexes(of: raw, bot: bot, roomID: room)
            for (session, used) in indexes {
                #expect(Set(used).count == used.count, "session \(session) used an index twice: \(used)")
            }
            #expect(indexes.count == 1, "the session was replaced without cause: \(indexes.keys)")
        }

        /// The Megolm index of each of the bot's encrypted events, by session, read with the bot's
        /// own copy of its sessions (its database and pickle key).
        static func megolmIndexes(of events: [RoomEvent], bot: BotProcess, roomID: String) throws -> [String: [UInt32]] {
            let key = try PickleKey(Array(try Data(contentsOf: bot.directory.appendingPathComponent("pickle_key"))))
            let database = try AppDatabase(path: bot.databaseURL.path)
            var indexes: [String: [UInt32]] = [:]
            for event in events {
                guard let sessionID = event.content["session_id"]?.string, let senderKey = event.content["sender_key"]?.string,
                      let ciphertext = event.content["ciphertext"]?.string else { continue }
                let stored = try #require(try database.read { try $0.keys.megolmSession(roomID: roomID, senderKey: senderKey, sessionID: sessionID) })
                let session = try MegolmInboundSession(pickle: stored.pickle, key: key)
                indexes[sessionID, default: []].append(try session.decrypt(ciphertext).messageIndex)
            }
            return indexes
        }
    }
}
