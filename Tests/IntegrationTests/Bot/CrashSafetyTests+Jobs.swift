import Foundation
import Testing

extension BotEngineTests.CrashSafety {
    /// The sessions' timed messages (start, reflection prompt, summary) fire while the bot is
    /// killed again and again: each is posted exactly once.
    @Test("SIGKILL while scheduled jobs fire: every timed message posted exactly once")
    func everyScheduledMessageOnceDespiteKills() async throws {
        let config = ["reflection_deadline": "30s", "wrap_up_before_end": "5s", "join_grace": "24h"]
        let cohort = try await CohortScenario.start(extra: config, label: "crash-jobs")
        defer { cohort.bot.kill9() }
        let formed = try await cohort.formGroups(size: 3, seed: 11)
        let planned = try await cohort.command("!session planlæg alle +15s 20s Nedbrud").reply
        #expect(planned.peerbotError == nil, "the sessions were not planned: \(planned)")

        // Start, wrap-up, end and the deadline fall within about 70 s: kill all through them.
        var random = SeededGenerator(seed: Self.seed + 1)
        let until = ContinuousClock.now.advanced(by: .seconds(80))
        var kills = 0
        while ContinuousClock.now < until {
            try await Task.sleep(for: .milliseconds(Int.random(in: 500...4000, using: &random)))
            try await cohort.bot.kill9AndWait()
            try cohort.bot.start()
            kills += 1
        }
        let sessions = Set(try await Polling.until("a summary of every session", timeout: Polling.patience, interval: .seconds(5)) {
            try cohort.bot.checkAlive()
            let summaries = try await cohort.botPosts(in: cohort.supervisorRoom).filter { $0.peerbotKind == "summary" && $0.inReplyTo == nil }
            return summaries.count >= formed.rooms.count ? summaries.compactMap(\.peerbotSession) : nil
        })
        try await Task.sleep(for: .seconds(10))
        let summaries = try await cohort.botPosts(in: cohort.supervisorRoom).filter { $0.peerbotKind == "summary" && $0.inReplyTo == nil }
        #expect(summaries.count == formed.rooms.count, "\(summaries.count) summaries for \(formed.rooms.count) sessions")
        #expect(sessions.count == formed.rooms.count)
        for room in formed.rooms {
            let posts = try await cohort.botPosts(in: room.roomID)
            for kind in ["session_start", "reflection_prompt"] {
                let count = posts.filter { $0.peerbotKind == kind }.count
                #expect(count == 1, "group \(room.name) got \(count) \(kind) after \(kills) kills")
            }
        }
        print("crash during jobs: \(kills) kills")
    }
}
