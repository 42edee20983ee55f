import Foundation
import Testing

extension BotEngineTests.Sessions {
    /// The goals message of the session, once its text (or its latest edit) holds the goal.
    func goalsMessage(_ cohort: CohortScenario, room: String, session: Int, viewer: TestUser) async throws -> RoomEvent {
        let goals = try await cohort.botMessage("the goals of #\(session)", in: room, seenBy: viewer) {
            $0.peerbotKind == "goals" && $0.peerbotSession == session
        }
        let botID = cohort.bot.userID
        let text = try await Polling.until("the goal in the goals message", timeout: Polling.patience) {
            try cohort.bot.checkAlive()
            let edits = try await viewer.messages(in: room, from: botID).filter { $0.replaces == goals.eventID }
            let current = edits.last?.newBody ?? goals.body
            return current.contains(Self.goal) ? current : nil
        }
        #expect(text.contains(cohort.name(of: cohort.students.first { $0.userID == viewer.userID }!)),
                "the goals message does not name the ready student as facilitator: \(text)")
        return goals
    }

    /// ✅ from the facilitator, `!forstået` from the confirmer, `!spørgsmål` from the asker,
    /// which reaches the supervisor room naming the student and the group.
    func confirmAndAsk(_ cohort: CohortScenario, room: String, session: Int, goals: RoomEvent, people: Roles) async throws {
        try await people.facilitator.react(to: goals.eventID, with: "✅", in: room)
        let understood = try await cohort.command("!forstået", by: people.confirmer, in: room).reply
        #expect(understood.peerbotError == nil, "!forstået was refused: \(understood)")
        #expect(understood.peerbotSession == session, "!forstået confirmed another session: \(understood)")

        let asked = try await cohort.command("!spørgsmål \(Self.question)", by: people.asker, in: room).reply
        #expect(asked.peerbotError == nil, "!spørgsmål was refused: \(asked)")
        let askerID = people.asker.userID
        let alert = try await cohort.botMessage("the question in the supervisor room", in: cohort.supervisorRoom,
                                                seenBy: cohort.supervisor) {
            $0.peerbotKind == "alert" && $0.body.contains(Self.question)
        }
        #expect(alert.body.contains(askerID), "the question's alert does not name the student: \(alert.body)")
        #expect(alert.body.contains(cohort.name(of: people.asker)))
        #expect(alert.peerbotGroup == "A", "the question's alert does not name the group: \(alert)")
        #expect(alert.peerbotSession == session)
    }

    /// SIGTERM right after the start; stays down past the midpoint, then starts again.
    /// Returns when the bot was started again.
    func restartAcrossMidpoint(_ bot: BotProcess, sessionStart: Date) async throws -> Date {
        // Exit 0 is the graceful path; how long it takes is the bot's own bound (see Lifecycle's
        // SIGTERM test), not something wall time on busy cores can show.
        let stopped = await bot.terminate()
        #expect(stopped.status == 0, "SIGTERM exit status \(stopped.status.map(String.init) ?? "none")")
        print("sessions: SIGTERM exit after \(stopped.elapsed)")
        let midpointPassed = sessionStart.addingTimeInterval(Self.length / 2 + 3)
        try await Task.sleep(for: .seconds(max(0, midpointPassed.timeIntervalSinceNow)))
        let restartedAt = Date()
        try bot.start()
        return restartedAt
    }

    /// Waits for the midpoint and wrap-up prompts in the group room.
    func waitForPrompts(_ cohort: CohortScenario, room: String, session: Int, viewer: TestUser) async throws {
        _ = try await Polling.until("two facilitator prompts in the group room", timeout: Polling.patience, interval: .seconds(1)) {
            try cohort.bot.checkAlive()
            let prompts = try await cohort.botPosts(in: room, seenBy: viewer).filter {
                $0.peerbotKind == "facilitator_prompt" && $0.peerbotSession == session
            }
            return prompts.count >= 2 ? true : nil
        }
    }
}
