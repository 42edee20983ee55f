import Foundation
import Testing

extension BotEngineTests.EncryptedReceiving {
    @Test("a forged copy of a message whose room key is withheld (the sender's session, a broken signature) is refused as soon as a key from after it comes, while the sender's own message waits and is answered once the full key comes; the forgery never is")
    func forgedKeptMessageIsRefusedNotKeptWaiting() async throws {
        let scene = try await WithheldKeyRoom.begin(label: "e2ee-forged-kept")
        defer { scene.stop() }
        let (student, bot, room, first, ask) = (scene.student, scene.bot, scene.room, scene.first, scene.ask)

        // The same envelope under the student's own account, its Ed25519 signature broken: the
        // room key's session and index, but not made by the session's sender.
        let original = try #require(try await student.plain.history(of: room).first { $0.eventID == ask })
        let forgedContent = try Self.breakingSignature(of: original.content)
        let forged = try await student.plain.sendEvent(type: "m.room.encrypted", content: forgedContent, in: room)
        let botID = bot.userID
        _ = try await Polling.until("the bot to keep both messages until their key comes", timeout: Polling.patience) {
            try bot.checkAlive()
            return Self.logged("kept until its room key arrives", about: forged, in: bot.log) ? true : nil
        }

        // A key from after the messages reads neither; only the forgery can be judged by it.
        try await scene.shareKey(reachingBack: false)
        _ = try await Polling.until("the bot to refuse the forgery", timeout: Polling.patience) {
            try bot.checkAlive()
            return Self.logged("encrypted message refused", about: forged, in: bot.log) ? true : nil
        }
        #expect(!Self.logged("encrypted message refused", about: ask, in: bot.log), "the sender's own message was refused")

        try await scene.shareKey()
        let answer = try await Self.answer(to: ask, in: room, from: bot, seenBy: student)
        #expect(answer.peerbotKind == "help")
        try await Self.expectOneAnswerEach(to: [first, ask], in: room, from: bot, seenBy: student)
        #expect(try await student.replies(to: forged, in: room, from: botID).isEmpty, "the forgery was answered")
    }

    /// `content` with the last byte of its Megolm message (in the Ed25519 signature) changed.
    static func breakingSignature(of content: JSON) throws -> JSON {
        guard case .object(var members) = content, let ciphertext = content["ciphertext"]?.string else {
            throw HarnessError.badResponse(path: "forged ciphertext", body: "\(content)")
        }
        let padded = ciphertext + String(repeating: "=", count: (4 - ciphertext.count % 4) % 4)
        guard var bytes = Data(base64Encoded: padded), !bytes.isEmpty else {
            throw HarnessError.badResponse(path: "forged ciphertext", body: ciphertext)
        }
        bytes[bytes.count - 1] ^= 0x01
        members["ciphertext"] = .string(bytes.base64EncodedString().replacingOccurrences(of: "=", with: ""))
        return .object(members)
    }

    /// Whether one line of the bot's log says `message` about `eventID`.
    static func logged(_ message: String, about eventID: String, in log: String) -> Bool {
        log.split(separator: "\n").contains { $0.contains(message) && $0.contains(eventID) }
    }
}
