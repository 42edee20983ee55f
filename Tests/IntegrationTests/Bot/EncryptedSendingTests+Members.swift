import Foundation
import Testing

extension BotEngineTests.EncryptedSendingSuite {
    @Test("a student moved from one encrypted room to another reads the bot's next message in the new room, and the old room's next message is in a new session")
    func movedStudentReadsTheNewRoom() async throws {
        let server = try Homeserver.shared()
        let cast = try await EncryptedCast.begin(on: server, label: "e2ee-moved")
        defer { cast.stop() }
        let (supervisor, student, bot) = (cast.supervisor, cast.student, cast.bot)
        typealias Rooms = BotEngineTests.EncryptedReceiving

        let first = try await Rooms.room(by: supervisor, with: bot, and: student, encrypted: true)
        let ask = try await supervisor.send("!help", in: first)
        let seen = try await Rooms.answer(to: ask, in: first, from: bot, seenBy: student)
        #expect(seen.isDecrypted, "the student could not read the bot in the first room: \(seen)")

        // The supervisor moves the student: out of the first room, into a second one.
        _ = try await supervisor.plain.call(.post, "/_matrix/client/v3/rooms/\(MatrixHTTP.segment(first))/kick",
                                            body: ["user_id": .string(student.userID), "reason": "moved"])
        let second = try await Rooms.room(by: supervisor, with: bot, and: student, encrypted: true)
        let askThere = try await supervisor.send("!help", in: second)
        let there = try await Rooms.answer(to: askThere, in: second, from: bot, seenBy: student)
        #expect(there.isDecrypted && there.peerbotKind == "help", "the moved student could not read the new room: \(there)")

        // Back in the first room, the bot's next message goes out under a key the student never got.
        let again = try await supervisor.send("!help", in: first)
        let after = try await Rooms.answer(to: again, in: first, from: bot, seenBy: supervisor)
        #expect(after.isDecrypted)
        let botID = bot.userID
        let sessions = try await supervisor.plain.history(of: first)
            .filter { $0.sender == botID && $0.type == "m.room.encrypted" }
            .compactMap { $0.content["session_id"]?.string }
        #expect(sessions.count >= 2 && sessions.first != sessions.last, "no new session after the student left: \(sessions)")
    }
}
