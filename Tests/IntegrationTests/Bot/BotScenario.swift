import Foundation
import Testing

/// One bot on one homeserver with a supervisor (configured in the bot) and a student (not).
struct BotScenario: Sendable {
    let server: Homeserver
    let supervisor: TestUser
    let student: TestUser
    let bot: BotProcess

    /// Registers the people and prepares the bot's account and config, without starting the bot.
    static func prepare(on server: Homeserver, language: String? = nil, label: String) async throws -> BotScenario {
        let supervisor = try await TestUser.register(on: server, prefix: "supervisor")
        let student = try await TestUser.register(on: server, prefix: "student")
        let bot = try await BotProcess.prepare(
            on: server, supervisors: [supervisor.userID], language: language, label: label)
        return BotScenario(server: server, supervisor: supervisor, student: student, bot: bot)
    }

    /// `prepare`, then start the bot and wait until it is ready.
    static func start(on server: Homeserver, language: String? = nil, label: String) async throws -> BotScenario {
        let scenario = try await prepare(on: server, language: language, label: label)
        _ = try await scenario.startBotAndWaitUntilReady()
        return scenario
    }

    /// Starts the bot for the first time and waits for the supervisor room it creates: the sign
    /// that it has synced once. Returns that room's id.
    @discardableResult
    func startBotAndWaitUntilReady(timeout: Duration = Polling.patience) async throws -> String {
        try bot.start()
        let invite = try await supervisor.waitForInvite(from: bot.userID, timeout: timeout, check: bot.checkAlive)
        let name = invite.state.first { $0.type == "m.room.name" }?.content["name"]?.string ?? ""
        #expect(name.lowercased().contains("peerbot"), "the supervisor room is named \"\(name)\"")
        return invite.roomID
    }

    /// A room the supervisor creates with the bot and the student in it, as a group would be.
    func groupRoom(name: String = "Gruppe \(RandomName.suffix())") async throws -> String {
        let roomID = try await supervisor.createRoom(name: name, invite: [bot.userID, student.userID])
        try await supervisor.waitForMembership(of: bot.userID, in: roomID, timeout: Polling.patience, check: bot.checkAlive)
        try await student.join(roomID)
        return roomID
    }

    /// A direct chat from the supervisor to the bot (`is_direct`).
    func directRoom() async throws -> String {
        let roomID = try await supervisor.createRoom(invite: [bot.userID], isDirect: true, preset: "trusted_private_chat")
        try await supervisor.waitForMembership(of: bot.userID, in: roomID, timeout: Polling.patience, check: bot.checkAlive)
        return roomID
    }

    /// Waits until `viewer` sees the bot's reply to `commandID`; fails at once if the bot dies.
    func reply(
        to commandID: String, in roomID: String, seenBy viewer: TestUser? = nil, timeout: Duration = Polling.patience
    ) async throws -> RoomEvent {
        let botID = bot.userID
        let events = try await (viewer ?? student).waitFor(
            "the bot's reply to \(commandID)", timeout: timeout, check: bot.checkAlive
        ) { $0.roomID == roomID && $0.sender == botID && $0.isMessage && $0.inReplyTo == commandID }
        return events[0]
    }

    /// The bot's replies to each command, read from the room's full history after a pause that
    /// gives a duplicate time to show up.
    func settledReplies(
        to commandIDs: [String], in roomID: String, settle: Duration = .seconds(3)
    ) async throws -> [String: [RoomEvent]] {
        try await Task.sleep(for: settle)
        return try await supervisor.replies(in: roomID, from: bot.userID, to: commandIDs)
    }

    /// Expects exactly one reply to each command.
    func expectExactlyOneReply(to commandIDs: [String], in roomID: String) async throws {
        let replies = try await settledReplies(to: commandIDs, in: roomID)
        for commandID in commandIDs {
            let count = replies[commandID]?.count ?? 0
            #expect(count == 1, "command \(commandID) has \(count) replies: \(replies[commandID] ?? [])")
        }
    }
}

/// How a test tells which language a text is in, without fixing its wording.
enum Wording {
    static func looksDanish(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.contains("kommando") || lower.contains { "æøå".contains($0) }
    }

    static func looksEnglish(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.contains("command") && !lower.contains("kommando")
    }
}
