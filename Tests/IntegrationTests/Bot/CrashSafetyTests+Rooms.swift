import Foundation
import Testing

extension BotEngineTests.CrashSafety {
    /// Kills the bot at seeded random moments for about `span`, restarting it each time; returns how often.
    static func killThrough(_ bot: BotProcess, span: Duration, seed: UInt64, pause: ClosedRange<Int> = 300...1800) async throws -> Int {
        var random = SeededGenerator(seed: seed)
        let until = ContinuousClock.now.advanced(by: span)
        var kills = 0
        while ContinuousClock.now < until {
            try await Task.sleep(for: .milliseconds(Int.random(in: pause, using: &random)))
            try await bot.kill9AndWait()
            try bot.start()
            kills += 1
        }
        return kills
    }

    /// Room creation, state events (topic, pins, power levels) and file uploads, each with the
    /// bot killed again and again while it works: afterwards every room exists once, every
    /// state is in place, every file and every welcome was posted once.
    @Test("SIGKILL during room creation, state events and file uploads: every room once, every state applied, every file once")
    func roomsStateAndFilesSurviveKills() async throws {
        let cohort = try await CohortScenario.start(extra: ["join_grace": "24h"], label: "crash-rooms")
        defer { cohort.bot.kill9() }
        let roster = try await cohort.uploadRoster(cohort.rosterCSV())
        #expect(roster.reply.peerbotKind == "roster")
        _ = try await cohort.command("!grupper planlæg size=2 seed=5")

        // 1. Room creation: 3 group rooms and 6 direct rooms, invites and welcomes.
        _ = try await cohort.supervisor.send("!grupper opret", in: cohort.supervisorRoom)
        var kills = try await Self.killThrough(cohort.bot, span: .seconds(12), seed: Self.seed + 2)
        let progress = try await cohort.botMessage("the progress message", in: cohort.supervisorRoom, seenBy: cohort.supervisor,
                                                   timeout: Polling.patience) { $0.peerbotKind == "progress" }
        _ = try await Polling.until("the progress message's last edit", timeout: Polling.patience, interval: .seconds(3)) {
            try cohort.bot.checkAlive()
            return try await BotEngineTests.BulkCreation.finished(cohort, progress: progress.eventID) ? true : nil
        }
        let rooms = try await Self.expectEveryRoomOnce(cohort, groups: 3)
        try await Self.expectOneWelcomeEach(cohort, rooms: rooms)

        // 2. State events: the topic names the session, the criteria are pinned, a supervisor
        //    added while the bot was down gets power in every group room.
        let colleague = try await TestUser.register(on: cohort.server, prefix: "supervisor2")
        try await cohort.bot.kill9AndWait()
        try cohort.bot.setSupervisors([cohort.supervisor.userID, colleague.userID])
        try cohort.bot.start()
        _ = try await cohort.supervisor.send("!session planlæg alle +3h 45m Nedbrudssikker", in: cohort.supervisorRoom)
        _ = try await cohort.supervisor.send("!kriterier Bidrag, forberedelse og samarbejde", in: cohort.supervisorRoom)
        kills += try await Self.killThrough(cohort.bot, span: .seconds(8), seed: Self.seed + 3)
        for room in rooms.group {
            try await Self.expectStateApplied(cohort, room: room, colleague: colleague.userID)
        }

        // 3. File uploads: the five export files, and a student's own data in their direct room.
        let student = cohort.students[0]
        let direct = try #require(rooms.direct[student.userID])
        try await student.join(direct)
        _ = try await cohort.supervisor.send("!eksport", in: cohort.supervisorRoom)
        _ = try await student.send("!mine data", in: direct)
        kills += try await Self.killThrough(cohort.bot, span: .seconds(8), seed: Self.seed + 4)
        try await Self.expectFilesOnce(cohort, kind: "export", count: 5, in: cohort.supervisorRoom, seenBy: cohort.supervisor)
        try await Self.expectFilesOnce(cohort, kind: "mydata", count: 1, in: direct, seenBy: student)
        print("crash during rooms, state and files: \(kills) kills")
    }

    /// The bot's joined rooms by their markers: one supervisor room, `groups` group rooms, one
    /// direct room per student, no ref made twice; with each student's direct room.
    static func expectEveryRoomOnce(_ cohort: CohortScenario, groups: Int) async throws -> (group: [String], direct: [String: String]) {
        let joined = try await cohort.bot.account.call(.get, "/_matrix/client/v3/joined_rooms")["joined_rooms"]?.array ?? []
        var kinds: [String: [String]] = [:]
        var refs: [String: Int] = [:]
        for room in joined.compactMap(\.string) {
            let marker = try await cohort.bot.account.state("org.peerbot.room", in: room)
            kinds[marker?["kind"]?.string ?? "unmarked", default: []].append(room)
            if let ref = marker?["ref"]?.string { refs[ref, default: 0] += 1 }
        }
        #expect(kinds["supervisor"]?.count == 1)
        #expect(kinds["group"]?.count == groups, "rooms by kind: \(kinds.mapValues(\.count))")
        #expect(kinds["direct"]?.count == cohort.students.count, "rooms by kind: \(kinds.mapValues(\.count))")
        #expect(refs.values.allSatisfy { $0 == 1 }, "a room was made twice: \(refs.filter { $0.value > 1 })")
        var direct: [String: String] = [:]
        for room in kinds["direct"] ?? [] {
            let members = try await cohort.bot.account.memberships(in: room)
            if let student = cohort.students.first(where: { members[$0.userID] != nil }) { direct[student.userID] = room }
        }
        #expect(direct.count == cohort.students.count, "direct rooms by student: \(direct)")
        return (kinds["group"] ?? [], direct)
    }

    /// Exactly one welcome in every group room and in every student's direct room.
    static func expectOneWelcomeEach(_ cohort: CohortScenario, rooms: (group: [String], direct: [String: String])) async throws {
        for room in rooms.group + Array(rooms.direct.values) {
            let welcomes = try await cohort.bot.account.messages(in: room, from: cohort.bot.userID).filter { $0.peerbotKind == "welcome" }
            #expect(welcomes.count == 1, "room \(room) has \(welcomes.count) welcomes")
        }
    }

    /// The topic names the planned session, the criteria message is pinned (and posted once),
    /// and the colleague has supervisor power and an invite.
    static func expectStateApplied(_ cohort: CohortScenario, room: String, colleague: String) async throws {
        let account = cohort.bot.account
        _ = try await Polling.until("the state of \(room)", timeout: Polling.patience, interval: .seconds(3)) {
            try cohort.bot.checkAlive()
            let topic = try await account.state("m.room.topic", in: room)?["topic"]?.string ?? ""
            let pinned = try await account.state("m.room.pinned_events", in: room)?["pinned"]?.array?.compactMap(\.string) ?? []
            let power = try await account.state("m.room.power_levels", in: room)?["users"]?[colleague]?.int
            return topic.contains("Nedbrudssikker") && pinned.count == 1 && power == 100 ? true : nil
        }
        let pinned = try await account.state("m.room.pinned_events", in: room)?["pinned"]?.array?.compactMap(\.string) ?? []
        let posts = try await account.messages(in: room, from: cohort.bot.userID)
        let criteria = posts.filter { $0.body.contains("Bidrag, forberedelse og samarbejde") }
        #expect(criteria.count == 1, "room \(room) got the criteria \(criteria.count) times")
        #expect(pinned == criteria.map(\.eventID), "pinned \(pinned), criteria posted as \(criteria.map(\.eventID))")
        let members = try await account.memberships(in: room)
        #expect(members[colleague] == "invite", "the new supervisor in \(room): \(members[colleague] ?? "absent")")
    }

    /// `count` file messages of `kind` in the room, each file name once, once they have all come.
    static func expectFilesOnce(_ cohort: CohortScenario, kind: String, count: Int, in room: String, seenBy viewer: TestUser) async throws {
        let files = try await Polling.until("\(count) \(kind) files", timeout: Polling.patience, interval: .seconds(3)) {
            try cohort.bot.checkAlive()
            let files = try await viewer.messages(in: room, from: cohort.bot.userID).filter { $0.msgtype == "m.file" && $0.peerbotKind == kind }
            return files.count >= count ? files : nil
        }
        try await Task.sleep(for: .seconds(5))
        let settled = try await viewer.messages(in: room, from: cohort.bot.userID).filter { $0.msgtype == "m.file" && $0.peerbotKind == kind }
        #expect(settled.count == count, "\(settled.count) \(kind) files: \(settled.map(\.body))")
        #expect(Set(settled.map(\.body)).count == count, "a file was posted twice: \(settled.map(\.body))")
        #expect(files.allSatisfy { $0.content["url"]?.string?.hasPrefix("mxc://") == true })
    }
}
