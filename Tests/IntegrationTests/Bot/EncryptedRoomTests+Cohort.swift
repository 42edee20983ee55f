import Foundation
import PeerBotStore
import Testing

extension BotEngineTests.EncryptedReceiving {
    @Test("a roster uploaded as an encrypted file in the encrypted supervisor room is imported; an encrypted reflection in a direct room is stored and acknowledged, and its encrypted edit kept")
    func encryptedRosterAndDirectReflection() async throws {
        let server = try Homeserver.shared()
        let cast = try await EncryptedCast.begin(
            on: server, students: ["anna", "bo"],
            extra: ["reflection_deadline": "90s", "wrap_up_before_end": "10s"], label: "e2ee-cohort")
        defer { cast.stop() }
        let (supervisor, anna, bo, bot) = (cast.supervisor, cast.students[0], cast.students[1], cast.bot)

        // The supervisor room, made encrypted (as a room encrypted after the fact is followed).
        let supervisorRoom = try await supervisor.waitForInvite(from: bot.userID, timeout: Polling.patience, check: bot.checkAlive)
        try await supervisor.join(supervisorRoom)
        try await Self.encrypt(supervisorRoom, by: bot, for: supervisor)

        let csv = "matrix_id,name\n\(anna.userID),Anna Hansen\n\(bo.userID),Bo Berg\n"
        let upload = try await supervisor.sendFile(Data(csv.utf8), filename: "holdliste.csv", in: supervisorRoom)
        let uploaded = try await supervisor.plain.history(of: supervisorRoom).first { $0.eventID == upload }
        #expect(uploaded?.type == "m.room.encrypted", "the roster was not sent encrypted")
        let imported = try await Self.answer(to: upload, in: supervisorRoom, from: bot, seenBy: supervisor)
        #expect(imported.peerbotKind == "roster" && imported.peerbotError == nil, "the roster upload was answered: \(imported)")
        let database = try AppDatabase(path: bot.databaseURL.path)
        #expect(try database.read { try $0.roster.isStudent(anna.userID) && $0.roster.isStudent(bo.userID) })

        let plan = try await Self.command("!grupper planlæg size=2 seed=1", by: supervisor, in: supervisorRoom, bot: bot)
        #expect(plan.peerbotKind == "group_proposal", "plan answered: \(plan)")
        let created = try await Self.command("!grupper opret", by: supervisor, in: supervisorRoom, bot: bot)
        #expect(created.peerbotKind == "groups_created", "create answered: \(created)")
        let direct = try await Self.acceptInvites(of: anna, from: bot)
        _ = try await Self.acceptInvites(of: bo, from: bot)
        try await Self.encrypt(direct, by: bot, for: anna)

        let planned = try await Self.command("!session planlæg alle +20s 40s Refleksionscase", by: supervisor, in: supervisorRoom, bot: bot)
        #expect(planned.peerbotError == nil, "the session was not planned: \(planned)")
        let botID = bot.userID
        _ = try await anna.waitFor("the private reflection prompt", in: direct, timeout: Polling.patience, check: bot.checkAlive) {
            $0.sender == botID && $0.peerbotKind == "reflection_prompt"
        }
        let text = "Jeg lærte at spørge før jeg handler \(RandomName.suffix())"
        let reflection = try await anna.send(text, in: direct)
        _ = try await anna.waitFor("the bot's ✅ on the reflection", in: direct, timeout: Polling.patience, check: bot.checkAlive) {
            $0.sender == botID && $0.type == "m.reaction" && $0.annotates == reflection && $0.reactionKey == "✅"
        }
        let stored = try database.read { try $0.reflections.find(eventID: reflection) }
        #expect(stored?.text == text)
        #expect(stored?.userID == anna.userID)
        let raw = try await anna.plain.history(of: direct).first { $0.eventID == reflection }
        #expect(raw?.type == "m.room.encrypted", "the reflection was not sent encrypted")

        // An encrypted edit reaches the same reflection, as in a plain room.
        let edited = text + " — og at spørge igen, når jeg er i tvivl"
        let edit = try await anna.edit(reflection, to: edited, in: direct)
        let updated = try await Polling.until("the edited reflection to be stored", timeout: Polling.patience) {
            try bot.checkAlive()
            let record = try database.read { try $0.reflections.find(eventID: reflection) }
            return record?.text == edited ? record : nil
        }
        #expect(updated.editedAt != nil)
        let rawEdit = try await anna.plain.history(of: direct).first { $0.eventID == edit }
        #expect(rawEdit?.type == "m.room.encrypted", "the edit was not sent encrypted")
    }

    /// Turns encryption on in `roomID` with the bot's own account (it made the room), and waits
    /// until `member`'s client knows, so what it sends next is encrypted.
    static func encrypt(_ roomID: String, by bot: BotProcess, for member: EncryptedTestUser) async throws {
        let path = "/_matrix/client/v3/rooms/\(MatrixHTTP.segment(roomID))/state/m.room.encryption/"
        _ = try await bot.account.call(.put, path, body: ["algorithm": "m.megolm.v1.aes-sha2"])
        try await member.waitUntilEncrypted(roomID)
    }

    /// Sends `text` as `user` and returns the bot's answer to it.
    static func command(_ text: String, by user: EncryptedTestUser, in roomID: String, bot: BotProcess) async throws -> RoomEvent {
        let id = try await user.send(text, in: roomID)
        return try await answer(to: id, in: roomID, from: bot, seenBy: user)
    }

    /// Joins the group room and the direct room the bot invited `student` to; returns the direct room.
    static func acceptInvites(of student: EncryptedTestUser, from bot: BotProcess) async throws -> String {
        let rooms = try await student.waitForInvites(from: bot.userID, count: 2, timeout: Polling.patience, check: bot.checkAlive)
        var direct: String?
        for roomID in rooms {
            try await student.join(roomID)
            if try await student.plain.state("org.peerbot.room", in: roomID)?["kind"]?.string == "direct" { direct = roomID }
        }
        return try #require(direct, "\(student.userID) got no direct room")
    }
}
