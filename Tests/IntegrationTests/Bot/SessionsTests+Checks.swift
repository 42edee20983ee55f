import Foundation
import Testing

extension BotEngineTests.Sessions {
    static let momentKinds: Set<String> = ["goals", "session_start", "facilitator_prompt"]

    /// goals → session_start → midpoint → wrap-up, each once, at their moments, to the facilitator;
    /// nothing the bot posted there appears twice.
    func checkGroupRoom(
        _ cohort: CohortScenario, room: String, session: Int, people: Roles, startedAt: Date, restartedAt: Date
    ) async throws {
        let posts = try await cohort.botPosts(in: room, seenBy: people.facilitator)
        let moments = posts.filter { Self.momentKinds.contains($0.peerbotKind ?? "") }
        #expect(moments.allSatisfy { $0.peerbotSession == session }, "moments without peerbot.session \(session): \(moments)")
        #expect(moments.map { $0.peerbotKind ?? "" } == ["goals", "session_start", "facilitator_prompt", "facilitator_prompt"],
                "the group room got: \(moments.map { $0.peerbotKind ?? "" })")
        let prompts = moments.filter { $0.peerbotKind == "facilitator_prompt" }
        if prompts.count == 2 {
            let start = startedAt.timeIntervalSince1970
            let midpoint = Double(prompts[0].originServerTS) / 1000 - start
            let wrapUp = Double(prompts[1].originServerTS) / 1000 - start
            #expect(midpoint >= restartedAt.timeIntervalSince1970 - start, "the midpoint came before the restart: \(midpoint) s")
            // Not before its moment, counted from the start the bot scheduled: the session_start
            // message may reach the homeserver seconds after it on busy cores.
            let scheduled = try #require(try await cohort.bot.storedDate("startsAt", in: "session", where: "number = \(session)"),
                                         "no session #\(session) in the bot's store")
            let sinceScheduled = Double(prompts[1].originServerTS) / 1000 - scheduled.timeIntervalSince1970
            #expect(sinceScheduled >= Self.length - Self.wrapUp - 1, "the wrap-up came \(sinceScheduled) s after the scheduled start")
            #expect(wrapUp <= Self.length, "the wrap-up came after the end: \(wrapUp) s")
            for prompt in prompts {
                let named = prompt.mentionedUsers.contains(people.facilitator.userID)
                    || prompt.body.contains(cohort.name(of: people.facilitator))
                #expect(named, "a prompt does not address the facilitator: \(prompt.body)")
            }
        }
        expectNoRepeats(posts, where: "the group room")
        try await expectConfirmed(cohort, session: session, people: people)
    }

    /// The checklist only in the facilitator's direct room, nothing in group B, one question alert.
    func checkOtherRooms(_ cohort: CohortScenario, formed: FormedGroups, session: Int, people: Roles) async throws {
        for student in cohort.students {
            guard let direct = formed.directRooms[student.userID] else { continue }
            let posts = try await cohort.botPosts(in: direct, seenBy: student)
            let checklists = posts.filter { $0.peerbotKind == "facilitator_prompt" }
            let expected = student.userID == people.facilitator.userID ? 1 : 0
            #expect(checklists.count == expected, "\(student.userID)'s direct room got \(checklists.count) checklists")
            expectNoRepeats(posts, where: "\(student.userID)'s direct room")
        }
        for other in formed.rooms where other.name != "A" {
            let posts = try await cohort.botPosts(in: other.roomID)
            let leaked = posts.filter { Self.momentKinds.contains($0.peerbotKind ?? "") || $0.peerbotSession == session }
            #expect(leaked.isEmpty, "group \(other.name) got session messages: \(leaked)")
        }
        let supervisorPosts = try await cohort.botPosts(in: cohort.supervisorRoom)
        let questions = supervisorPosts.filter { $0.peerbotKind == "alert" && $0.body.contains(Self.question) }
        #expect(questions.count == 1, "the question reached the supervisors \(questions.count) times")
        expectNoRepeats(supervisorPosts, where: "the supervisor room")
    }

    private func expectNoRepeats(_ posts: [RoomEvent], where place: String) {
        let keys = posts.map { "\($0.peerbotKind ?? "")|\($0.peerbotSession ?? 0)|\($0.inReplyTo ?? "")|\($0.body)" }
        let repeated = Dictionary(grouping: keys, by: { $0 }).filter { $0.value.count > 1 }.keys
        #expect(repeated.isEmpty, "posted twice in \(place): \(repeated.sorted())")
    }

    /// Confirmations reach users only in the session summary, which comes after the reflection
    /// deadline; until then the bot's store is the only witness of the ✅ and of `!forstået`.
    private func expectConfirmed(_ cohort: CohortScenario, session: Int, people: Roles) async throws {
        let sqlite = URL(fileURLWithPath: "/usr/bin/sqlite3")
        guard FileManager.default.isExecutableFile(atPath: sqlite.path) else {
            Issue.record("sqlite3 is not installed: cannot check the confirmations")
            return
        }
        let query = "SELECT userID FROM goalsConfirmation WHERE sessionNumber = \(session) ORDER BY userID;"
        let output = try await Shell.check(sqlite, ["-readonly", cohort.bot.databaseURL.path, query])
        let confirmed = Set(output.split(separator: "\n").map(String.init))
        #expect(confirmed == [people.facilitator.userID, people.confirmer.userID],
                "confirmed: \(confirmed.sorted()); expected the ✅ and the !forstået, not the asker")
    }
}
