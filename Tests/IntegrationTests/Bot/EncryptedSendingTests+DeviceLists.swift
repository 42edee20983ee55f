import Foundation
import PeerBotStore
import Testing

extension BotEngineTests.EncryptedSendingSuite {
    @Test("members talking in two encrypted rooms by turns are not taken for changed devices: after the first answers, the bot's next answers go out with no new device-list change noted for the supervisor or the student, and the student reads each")
    func messagesAreNoDeviceChanges() async throws {
        let server = try Homeserver.shared()
        let cast = try await EncryptedCast.begin(on: server, label: "e2ee-lists")
        defer { cast.stop() }
        let (supervisor, student, bot) = (cast.supervisor, cast.student, cast.bot)
        typealias Rooms = BotEngineTests.EncryptedReceiving

        // Two rooms by turns, as a supervisor with several groups talks: Synapse's lazy-loading
        // would send the sender's membership again at each change of room.
        let rooms = [try await Rooms.room(by: supervisor, with: bot, and: student, encrypted: true),
                     try await Rooms.room(by: supervisor, with: bot, and: student, encrypted: true)]
        for room in rooms {
            let first = try await supervisor.send("!help", in: room)
            #expect(try await Rooms.answer(to: first, in: room, from: bot, seenBy: student).isDecrypted)
        }
        let before = try Self.deviceListChanges(of: [supervisor.userID, student.userID], bot: bot)

        for round in 1...2 {
            for room in rooms {
                _ = try await student.send("hej, runde \(round)", in: room)
                let ask = try await supervisor.send("!help", in: room)
                let answer = try await Rooms.answer(to: ask, in: room, from: bot, seenBy: student)
                #expect(answer.isDecrypted && answer.peerbotKind == "help", "round \(round): the student could not read \(answer)")
            }
        }
        // Each noted change costs a device-list query before the next answer can be encrypted.
        let after = try Self.deviceListChanges(of: [supervisor.userID, student.userID], bot: bot)
        #expect(after == before, "messages were noted as device changes: \(before) → \(after)")
    }

    /// How many device-list changes the bot has noted for each user, from its database.
    static func deviceListChanges(of users: [String], bot: BotProcess) throws -> [String: Int64] {
        let database = try AppDatabase(path: bot.databaseURL.path)
        return try database.read { reader in
            var changes: [String: Int64] = [:]
            for user in users { changes[user] = try #require(try reader.devices.trackedUser(user)).changes }
            return changes
        }
    }
}
