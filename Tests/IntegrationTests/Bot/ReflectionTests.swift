import Foundation
import Testing

extension BotEngineTests {
    /// Two groups' sessions end; the students reflect in every way the bot offers while the bot
    /// is killed and restarted; the supervisors get one summary per session holding what was kept.
    @Suite("Reflection and summary")
    struct Reflection {
        /// `reflection_deadline` in seconds; the sessions last 40 s. Everything A's students send,
        /// across the bot's restart, must reach the bot before it, on cores the suite keeps busy.
        static let deadline = 150.0
        static let config = ["reflection_deadline": "\(Int(deadline))s", "wrap_up_before_end": "10s", "join_grace": "24h"]
        /// How long after the last expected message a duplicate is given to show up.
        static let settle = Duration.seconds(10)

        @Test("thread, direct and !refleksion reflections, an edit, a redaction, a late and a missing one, across a SIGKILL")
        func reflectionsAndSummaries() async throws {
            let clock = ContinuousClock()
            let began = clock.now
            let cohort = try await CohortScenario.start(extra: Self.config, label: "reflection")
            defer { cohort.bot.kill9() }
            let cast = try ReflectionCast(try await cohort.formGroups(size: 3, seed: 7))
            let planned = try await cohort.command("!session planlæg alle +20s 40s Refleksionscase").reply
            #expect(planned.peerbotError == nil, "the sessions were not planned: \(planned)")
            let groupsReady = clock.now - began

            try await addGroupTask(cohort, cast: cast)
            let prompts = try await waitForPrompts(cohort, cast: cast)
            #expect(prompts.sessionA != prompts.sessionB && prompts.sessionA > 0 && prompts.sessionB > 0,
                    "prompts carry sessions \(prompts.sessionA) and \(prompts.sessionB)")
            let promptsSeen = clock.now - began

            var sent = try await reflectAcrossKill(cohort, cast: cast, prompts: prompts)
            let summaryA = try await waitForSummary(cohort, session: prompts.sessionA, timeout: Polling.patience)
            let summaryB = try await waitForSummary(cohort, session: prompts.sessionB,
                                                    timeout: Polling.patience)
            let summariesSeen = clock.now - began

            let late = try await reflectLate(cohort, cast: cast, prompts: prompts, sent: &sent)
            try await Task.sleep(for: Self.settle)

            try await checkSummaryTimes(cohort, prompts: prompts, a: summaryA, b: summaryB)
            try await checkSupervisorRoom(cohort, cast: cast, prompts: prompts)
            checkSummaryOfA(summaryA, cohort: cohort, cast: cast)
            checkSummaryOfB(summaryB, cohort: cohort, cast: cast)
            checkLateSummary(late.onDemand, cohort: cohort, cast: cast)
            try await checkAcknowledgements(cohort, sent: sent)
            try await checkPromptsAndReminders(cohort, cast: cast, prompts: prompts)
            #expect(cohort.bot.launches == 2, "the bot was started \(cohort.bot.launches) times")
            print("reflection test: groups ready after \(groupsReady), prompts after \(promptsSeen), "
                + "both summaries after \(summariesSeen), done after \(clock.now - began)")
        }

        /// Seconds from now until the reflection deadline that follows `prompt`.
        static func secondsUntilDeadline(of prompt: RoomEvent) -> Double {
            let prompted = Date(timeIntervalSince1970: Double(prompt.originServerTS) / 1000)
            return max(0, prompted.addingTimeInterval(deadline).timeIntervalSinceNow)
        }
    }
}
