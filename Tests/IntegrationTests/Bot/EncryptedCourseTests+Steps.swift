import Foundation
import Testing

extension BotEngineTests.EncryptedCourse {
    typealias Rooms = BotEngineTests.EncryptedReceiving

    /// The supervisor accepts the bot's invite to the supervisor room, encrypted from the start.
    static func openSupervisorRoom(bot: BotProcess, supervisor: EncryptedTestUser) async throws -> String {
        let room = try await supervisor.waitForInvite(from: bot.userID, timeout: Polling.patience, check: bot.checkAlive)
        try await supervisor.join(room)
        try await supervisor.waitUntilEncrypted(room)
        return room
    }

    /// The roster goes up as an encrypted attachment and is imported.
    static func uploadRoster(_ course: EncryptedCourseCast) async throws {
        var csv = "matrix_id,name\n"
        for (student, name) in zip(course.students, course.names) { csv += "\(student.userID),\(name)\n" }
        let upload = try await course.supervisor.sendFile(Data(csv.utf8), filename: "holdliste.csv", in: course.supervisorRoom)
        let imported = try await Rooms.answer(to: upload, in: course.supervisorRoom, from: course.bot, seenBy: course.supervisor)
        #expect(imported.peerbotKind == "roster" && imported.peerbotError == nil, "the roster upload was answered: \(imported)")
        #expect(imported.wasEncrypted && imported.isDecrypted)
        let raw = try await course.supervisor.plain.history(of: course.supervisorRoom).first { $0.eventID == upload }
        #expect(raw?.type == "m.room.encrypted" && raw?.content["file"] == nil && raw?.content["url"] == nil,
                "the roster is readable on the homeserver: \(raw.map(\.description) ?? "missing")")
    }

    /// `!grupper planlæg` and `!grupper opret`; every student joins the group room and their direct
    /// room and reads both welcomes.
    static func formGroup(_ course: inout EncryptedCourseCast) async throws {
        let plan = try await Rooms.command("!grupper planlæg size=3 seed=1", by: course.supervisor, in: course.supervisorRoom, bot: course.bot)
        #expect(plan.peerbotKind == "group_proposal", "plan answered: \(plan)")
        let created = try await Rooms.command("!grupper opret", by: course.supervisor, in: course.supervisorRoom, bot: course.bot)
        try #require(created.peerbotKind == "groups_created", "create answered: \(created)")
        let snapshot = course
        let joined = try await withThrowingTaskGroup(of: (String, String, String).self) { tasks in
            for (student, name) in zip(snapshot.students, snapshot.names) {
                tasks.addTask { try await joinAndReadWelcomes(student, name: name, course: snapshot) }
            }
            return try await tasks.reduce(into: []) { $0.append($1) }
        }
        let groups = Set(joined.map(\.1))
        try #require(groups.count == 1, "the three students are in groups \(groups)")
        course.groupRoom = joined[0].1
        for (userID, _, direct) in joined { course.directRooms[userID] = direct }
        #expect(Set(course.directRooms.values).count == 3, "direct rooms: \(course.directRooms)")
    }

    /// Joins both rooms the bot invited `student` to; checks they are encrypted and the welcomes
    /// decrypt. Returns (user id, group room, direct room).
    private static func joinAndReadWelcomes(_ student: EncryptedTestUser, name: String, course: EncryptedCourseCast)
        async throws -> (String, String, String)
    {
        let bot = course.bot, botID = bot.userID
        let rooms = try await student.waitForInvites(from: botID, count: 2, timeout: Polling.patience, check: bot.checkAlive)
        var group: String?, direct: String?
        for roomID in rooms {
            try await student.join(roomID)
            try await student.waitUntilEncrypted(roomID)
            let kind = try await student.plain.state("org.peerbot.room", in: roomID)?["kind"]?.string
            if kind == "direct" { direct = roomID } else { group = roomID }
        }
        let groupRoom = try #require(group, "\(name) got no group room"), directRoom = try #require(direct, "\(name) got no direct room")
        let welcome = try await student.waitFor("the group welcome for \(name)", in: groupRoom, timeout: Polling.patience, check: bot.checkAlive) {
            $0.sender == botID && $0.peerbotKind == "welcome"
        }[0]
        #expect(welcome.wasEncrypted && welcome.isDecrypted, "\(name) cannot read the group welcome: \(welcome)")
        for other in course.names { #expect(welcome.body.contains(other), "the group welcome does not name \(other): \(welcome.body)") }
        let hello = try await student.waitFor("the direct welcome for \(name)", in: directRoom, timeout: Polling.patience, check: bot.checkAlive) {
            $0.sender == botID && $0.peerbotKind == "welcome"
        }[0]
        #expect(hello.wasEncrypted && hello.isDecrypted && hello.body.contains(name), "\(name)'s direct welcome: \(hello)")
        return (student.userID, groupRoom, directRoom)
    }

    /// Plans a session 20 s ahead with a goal; returns its number.
    static func planSession(_ course: EncryptedCourseCast) async throws -> Int {
        let planned = try await Rooms.command("!session planlæg A +20s 30s Delir-case", by: course.supervisor,
                                              in: course.supervisorRoom, bot: course.bot)
        try #require(planned.peerbotError == nil, "the session was not planned: \(planned)")
        let number = try #require(BotEngineTests.Sessions.sessionNumber(planned), "no #number in \(planned.body)")
        let goal = try await Rooms.command("!session mål #\(number) \(Self.goal)", by: course.supervisor,
                                           in: course.supervisorRoom, bot: course.bot)
        #expect(goal.peerbotError == nil, "the goal was refused: \(goal)")
        return number
    }

    /// The goals message (or its latest edit) decrypts and holds the goal; `student` confirms with
    /// an encrypted ✅ reaction, as Element sends it.
    static func confirmGoals(_ course: EncryptedCourseCast, session: Int, by student: EncryptedTestUser) async throws {
        let bot = course.bot, botID = bot.userID, room = course.groupRoom
        let goals = try await Polling.until("the goals of #\(session) with the goal", timeout: Polling.patience, interval: .seconds(1)) { () async throws -> RoomEvent? in
            try bot.checkAlive()
            let timeline = try await student.timeline(of: room)
            guard let goals = timeline.first(where: { $0.sender == botID && $0.peerbotKind == "goals" && $0.peerbotSession == session })
            else { return nil }
            let edits = timeline.filter { $0.sender == botID && $0.replaces == goals.eventID }
            return (edits.last?.newBody ?? goals.body).contains(Self.goal) ? goals : nil
        }
        #expect(goals.wasEncrypted && goals.isDecrypted, "the goals message: \(goals)")
        let reaction = try await student.react(to: goals.eventID, with: "✅", in: room)
        let raw = try await student.plain.history(of: room).first { $0.eventID == reaction }
        #expect(raw?.type == "m.room.encrypted", "the ✅ was not sent encrypted: \(raw.map(\.description) ?? "missing")")
    }

    /// After the session: the group prompt and `direct`'s private prompt decrypt; `inThread`
    /// answers the prompt in its thread, `direct` writes in the direct room; each gets the bot's ✅.
    static func reflect(_ course: EncryptedCourseCast, session: Int, inThread: EncryptedTestUser,
                        direct: EncryptedTestUser) async throws -> EncryptedReflections {
        let bot = course.bot, botID = bot.userID, group = course.groupRoom, directRoom = course.direct(of: direct)
        let prompt = try await inThread.waitFor("the reflection prompt of #\(session)", in: group, timeout: Polling.patience,
                                                check: bot.checkAlive) {
            $0.sender == botID && $0.peerbotKind == "reflection_prompt" && $0.peerbotSession == session
        }[0]
        #expect(prompt.wasEncrypted && prompt.isDecrypted && !prompt.body.isEmpty, "the group prompt: \(prompt)")
        let privatePrompt = try await direct.waitFor("the private reflection prompt", in: directRoom, timeout: Polling.patience,
                                                     check: bot.checkAlive) {
            $0.sender == botID && $0.peerbotKind == "reflection_prompt"
        }[0]
        #expect(privatePrompt.wasEncrypted && privatePrompt.isDecrypted, "the private prompt: \(privatePrompt)")

        let threadText = "Vi så at uro om aftenen kan være delir \(RandomName.suffix())"
        let threadID = try await inThread.sendInThread(threadText, root: prompt.eventID, in: group)
        let directText = "Jeg vil spørge ind til søvn ved hver vagt \(RandomName.suffix())"
        let directID = try await direct.send(directText, in: directRoom)
        for (student, eventID, room) in [(inThread, threadID, group), (direct, directID, directRoom)] {
            let mark = try await student.waitFor("the bot's ✅ on \(eventID)", in: room, timeout: Polling.patience, check: bot.checkAlive) {
                $0.sender == botID && $0.type == "m.reaction" && $0.annotates == eventID && $0.reactionKey == "✅"
            }[0]
            #expect(mark.wasEncrypted, "the bot's ✅ is in the clear: \(mark)")
        }
        var sent = EncryptedReflections(thread: (threadID, threadText), direct: (directID, directText))
        sent.eventIDs = [(inThread.userID, group, threadID), (direct.userID, directRoom, directID)]
        return sent
    }
}
