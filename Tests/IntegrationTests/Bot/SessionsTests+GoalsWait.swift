import Foundation
import Testing

extension BotEngineTests.Sessions {
    static let secondGoal = "Kende forskel på qSOFA og NEWS"

    /// Planned 40 s ahead under the default 24-hour lead time, with two goals added after
    /// planning: the group sees one goals message, already holding both, never edited.
    @Test("a session planned within the lead time: its goals message holds both goals when first posted")
    func goalsWaitForTheirContent() async throws {
        let cohort = try await CohortScenario.start(extra: [:], label: "goalswait")
        defer { cohort.bot.kill9() }
        let formed = try await cohort.formGroups(size: 3, seed: 7)
        let group = try #require(formed.room(named: "A"), "no group A among \(formed.rooms.map(\.name))")
        let viewer = try #require(group.students.first)
        let planned = try await cohort.command("!session planlæg A +40s 60s Sepsis-case").reply
        #expect(planned.peerbotError == nil, "the session was not planned: \(planned)")
        let number = try #require(Self.sessionNumber(planned), "no #number in \(planned.body)")
        for goal in [Self.goal, Self.secondGoal] {
            let added = try await cohort.command("!session mål #\(number) \(goal)").reply
            #expect(added.peerbotError == nil, "the goal was refused: \(added)")
        }
        let goals = try await cohort.botMessage("the goals of #\(number)", in: group.roomID, seenBy: viewer, timeout: Polling.patience) {
            $0.peerbotKind == "goals" && $0.peerbotSession == number
        }
        #expect(goals.body.contains(Self.goal) && goals.body.contains(Self.secondGoal),
                "the goals message was posted without both goals: \(goals.body)")
        #expect(!goals.body.contains("ingen angivet"), "the goals message was posted empty: \(goals.body)")
        let start = try await cohort.botMessage("session_start of #\(number)", in: group.roomID, seenBy: viewer) {
            $0.peerbotKind == "session_start" && $0.peerbotSession == number
        }
        #expect(goals.originServerTS <= start.originServerTS, "the goals came after the start")
        let edits = try await viewer.messages(in: group.roomID, from: cohort.bot.userID).filter { $0.replaces == goals.eventID }
        #expect(edits.isEmpty, "the goals message was edited \(edits.count) time(s)")
        let posts = try await cohort.botPosts(in: group.roomID, seenBy: viewer)
        #expect(posts.filter { $0.peerbotKind == "goals" }.count == 1)
        #expect(!posts.contains { $0.peerbotKind == "reminder" && $0.peerbotSession == number }, "a 'goals changed' notice went out")
    }
}
