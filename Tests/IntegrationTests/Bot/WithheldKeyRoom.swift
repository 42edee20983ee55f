import Foundation

extension BotEngineTests.EncryptedReceiving {
    /// An encrypted room of a supervisor, a student and the bot, the student's first `!help`
    /// answered and a second one sent under a room key the bot has not been given yet: how the
    /// tests of a withheld room key begin. The bot waits ten minutes before telling anyone that a
    /// message is unreadable, so nobody is told while the keys are on their way.
    struct WithheldKeyRoom: Sendable {
        let cast: EncryptedCast
        let room: String
        /// The first `!help`, answered.
        let first: String
        /// The second `!help`, unread by the bot until it gets the key.
        let ask: String
        /// The session of the room key `ask` was sent under.
        let sessionID: String

        var student: EncryptedTestUser { cast.student }
        var bot: BotProcess { cast.bot }

        /// Starts the cast (`label` names the bot's directory), makes the room, has the first
        /// `!help` answered and sends the second under the withheld key. Stops the cast if a step fails.
        static func begin(label: String) async throws -> WithheldKeyRoom {
            let server = try Homeserver.shared()
            let cast = try await EncryptedCast.begin(on: server, extra: ["undecryptable_after": "10m"], label: label)
            do {
                let (supervisor, student, bot) = (cast.supervisor, cast.student, cast.bot)
                _ = try await BotEngineTests.DeviceIdentity.publishedDevice(of: bot, asSeenBy: student.plain)
                let room = try await BotEngineTests.EncryptedReceiving.room(by: supervisor, with: bot, and: student, encrypted: true)
                let first = try await student.send("!help", in: room)
                _ = try await BotEngineTests.EncryptedReceiving.answer(to: first, in: room, from: bot, seenBy: student)
                let (ask, sessionID) = try await student.sendWithheld("!help", in: room)
                return WithheldKeyRoom(cast: cast, room: room, first: first, ask: ask, sessionID: sessionID)
            } catch {
                cast.stop()
                throw error
            }
        }

        /// The student gives the bot's device the withheld key: from before `ask`, or, with
        /// `reachingBack` false, from after it (useless for it).
        func shareKey(reachingBack: Bool = true) async throws {
            try await student.shareWithheldKey(sessionID, with: bot.userID, device: bot.account.deviceID, reachingBack: reachingBack)
        }

        /// Kills the bot and closes every client; for a test's `defer`.
        func stop() { cast.stop() }
    }
}
