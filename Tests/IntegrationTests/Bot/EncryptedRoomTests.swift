import Foundation
import Testing

extension BotEngineTests {
    /// The bot reading encrypted rooms, with real encrypted clients (matrix-nio on vodozemac).
    @Suite("Encrypted rooms: receiving")
    struct EncryptedReceiving {
        @Test("an encrypted !help in a room a supervisor made encrypted is answered as in a plain room; an unreadable message gets its answer; a restart keeps the device and its room keys")
        func encryptedHelpUndecryptableAndRestart() async throws {
            let server = try Homeserver.shared()
            let cast = try await EncryptedCast.begin(on: server, extra: ["undecryptable_after": "10s"], label: "e2ee-receive")
            defer { cast.stop() }
            let (supervisor, student, bot) = (cast.supervisor, cast.student, cast.bot)
            let device = try await DeviceIdentity.publishedDevice(of: bot, asSeenBy: student.plain)

            let encrypted = try await Self.room(by: supervisor, with: bot, and: student, encrypted: true)
            let plain = try await Self.room(by: supervisor, with: bot, and: student, encrypted: false)

            // The same question in the clear and encrypted gets the same answer.
            let plainAsk = try await student.send("!help", in: plain)
            let plainAnswer = try await Self.answer(to: plainAsk, in: plain, from: bot, seenBy: student)
            let ask = try await student.send("!help", in: encrypted)
            let answer = try await Self.answer(to: ask, in: encrypted, from: bot, seenBy: student)
            #expect(answer.peerbotKind == "help")
            #expect(answer.body == plainAnswer.body, "the encrypted !help got another answer than the plain one")
            let raw = try await student.plain.history(of: encrypted).first { $0.eventID == ask }
            #expect(raw?.type == "m.room.encrypted", "the question was not sent encrypted: \(raw.map(\.description) ?? "missing")")

            // A message whose key the bot never gets: the key is asked for, then the sender is told.
            let unreadable = try await student.sendUndecryptable("!help", in: encrypted)
            let told = try await Self.answer(to: unreadable, in: encrypted, from: bot, seenBy: student, timeout: Polling.patience)
            #expect(told.peerbotKind == "undecryptable")
            #expect(told.content["m.mentions"]?["user_ids"]?.array?.contains(.string(student.userID)) == true,
                    "the sender is not mentioned: \(told)")
            #expect(bot.log.contains("room key requested"), "the bot did not ask for the missing key")

            // After a restart: the same device, and the room key from before still opens the room.
            try await bot.restart()
            let again = try await DeviceIdentity.publishedDevice(of: bot, asSeenBy: student.plain)
            #expect(again["keys"] == device["keys"], "the restarted bot has other keys")
            let secret = "fortroligt-\(RandomName.suffix())"
            _ = try await student.send(secret, in: encrypted)
            let secondAsk = try await student.send("!help", in: encrypted)
            let second = try await Self.answer(to: secondAsk, in: encrypted, from: bot, seenBy: student)
            #expect(second.peerbotKind == "help")
            try await Task.sleep(for: .seconds(3))
            for line in bot.log.split(separator: "\n") where line.contains(secret) {
                #expect(line.contains(" debug ") || line.contains(" trace "), "plaintext logged above debug: \(line)")
            }
            try await Self.expectOneAnswerEach(to: [ask, unreadable, secondAsk], in: encrypted, from: bot, seenBy: student)
        }

        /// A room `owner` creates (encrypted or not) with the bot and `member` in it, both joined.
        static func room(by owner: EncryptedTestUser, with bot: BotProcess, and member: EncryptedTestUser,
                         encrypted: Bool) async throws -> String {
            let roomID = try await owner.createRoom(name: "Stue \(RandomName.suffix())", invite: [bot.userID, member.userID],
                                                    encrypted: encrypted)
            try await owner.plain.waitForMembership(of: bot.userID, in: roomID, timeout: Polling.patience, check: bot.checkAlive)
            try await member.waitForInvite(to: roomID, timeout: Polling.patience)
            try await member.join(roomID)
            if encrypted { try await member.waitUntilEncrypted(roomID) }
            return roomID
        }

        /// The bot's reply to `eventID` as `viewer`'s encrypted client reads it.
        static func answer(to eventID: String, in roomID: String, from bot: BotProcess, seenBy viewer: EncryptedTestUser,
                           timeout: Duration = Polling.patience) async throws -> RoomEvent {
            let botID = bot.userID
            return try await viewer.waitFor("the bot's answer to \(eventID)", in: roomID, timeout: timeout, check: bot.checkAlive) {
                $0.sender == botID && $0.isMessage && $0.inReplyTo == eventID
            }[0]
        }

        /// Exactly one bot reply to each event, after a pause for a duplicate to show.
        static func expectOneAnswerEach(to eventIDs: [String], in roomID: String, from bot: BotProcess,
                                        seenBy viewer: EncryptedTestUser) async throws {
            try await Task.sleep(for: .seconds(3))
            let timeline = try await viewer.timeline(of: roomID)
            for eventID in eventIDs {
                let replies = timeline.filter { $0.sender == bot.userID && $0.isMessage && $0.inReplyTo == eventID }
                #expect(replies.count == 1, "\(eventID) has \(replies.count) answers: \(replies)")
            }
        }
    }
}
