import Foundation
import Testing

extension BotEngineTests.EncryptedReceiving {
    @Test("a message whose room key is withheld: the bot asks the sender's devices for it (m.room_key_request), and a copy of the key from after the message leaves the request open, and once the key comes it answers the command and withdraws the request once (request_cancellation, same request_id)")
    func withheldKeyIsRequestedThenWithdrawn() async throws {
        let scene = try await WithheldKeyRoom.begin(label: "e2ee-keyreq")
        defer { scene.stop() }
        let (student, bot, room, first, ask, sessionID) = (scene.student, scene.bot, scene.room, scene.first, scene.ask, scene.sessionID)
        let botID = bot.userID, botDevice = bot.account.deviceID
        let request = try await Polling.until("the bot's request for the withheld key", timeout: Polling.patience) {
            try bot.checkAlive()
            // The supervisor's client asks the student for the key too; the bot's request is the one here.
            return try await student.keyRequests().first {
                $0["sender"]?.string == botID && $0["content"]?["action"] == "request"
                    && $0["content"]?["body"]?["session_id"]?.string == sessionID
            }
        }
        #expect(request["content"]?["requesting_device_id"]?.string == botDevice)
        #expect(request["content"]?["body"]?["room_id"]?.string == room)
        #expect(request["content"]?["body"]?["algorithm"] == "m.megolm.v1.aes-sha2")
        let requestID = try #require(request["content"]?["request_id"]?.string)
        #expect(try await student.replies(to: ask, in: room, from: botID).isEmpty, "answered before the key came")

        let isCancellation: @Sendable (JSON) -> Bool = {
            $0["content"]?["action"] == "request_cancellation" && $0["content"]?["request_id"]?.string == requestID
        }
        // A copy of the key from after the message cannot read it: the request stays open.
        let keysBefore = bot.log.components(separatedBy: "room key received").count
        try await scene.shareKey(reachingBack: false)
        _ = try await Polling.until("the bot to take the late copy of the key", timeout: Polling.patience) {
            try bot.checkAlive()
            return bot.log.components(separatedBy: "room key received").count > keysBefore ? true : nil
        }
        try await student.sync(rounds: 3)
        #expect(try await !student.keyRequests().contains(where: isCancellation), "withdrawn for a key that cannot read the message")
        #expect(try await student.replies(to: ask, in: room, from: botID).isEmpty)

        try await scene.shareKey()
        let answer = try await Self.answer(to: ask, in: room, from: bot, seenBy: student)
        #expect(answer.peerbotKind == "help")
        let cancellation = try await Polling.until("the bot to withdraw its key request", timeout: Polling.patience) {
            try bot.checkAlive()
            return try await student.keyRequests().first(where: isCancellation)
        }
        #expect(cancellation["sender"]?.string == botID)
        #expect(cancellation["content"]?["requesting_device_id"]?.string == botDevice)

        // Once each: one answer per command, one withdrawal, and the key not asked for again.
        try await Self.expectOneAnswerEach(to: [first, ask], in: room, from: bot, seenBy: student)
        try await student.sync(rounds: 2)
        let received = try await student.keyRequests()
        #expect(received.filter(isCancellation).count == 1, "withdrawn more than once: \(received)")
        let asked = received.filter { $0["sender"]?.string == botID && $0["content"]?["action"] == "request" }
        #expect(asked.count == 1, "the key was asked for again: \(asked)")
        #expect(!bot.log.contains("encrypted message given up"))
    }
}
