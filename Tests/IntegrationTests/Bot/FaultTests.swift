import Foundation
import Testing

extension BotEngineTests {
    /// Messages and timed jobs that once silenced the bot for good, tried as people would.
    @Suite("Faults that must not stop the bot")
    struct Faults {
        /// `reflection_deadline`: the empty reply, `!hjælp` and the kill must all come before it, with
        /// room for busy cores (each is a round trip through the bot).
        static let deadline = 120.0

        @Test("an empty thread reply is answered and !help after it too; a reflection sent while the bot is down before the deadline is on time")
        func emptyReplyAndDowntimeAcrossTheDeadline() async throws {
            let cohort = try await CohortScenario.start(
                studentCount: 3, extra: ["reflection_deadline": "\(Int(Self.deadline))s", "wrap_up_before_end": "5s", "join_grace": "24h"], label: "faults-reflect")
            defer { cohort.bot.kill9() }
            let group = try #require(try await cohort.formGroups(size: 3, seed: 1).rooms.first)
            let (writer, absentee) = (group.students[0], group.students[1])
            let planned = try await cohort.command("!session planlæg alle +10s 15s Fejlcase").reply
            #expect(planned.peerbotError == nil, "the session was not planned: \(planned)")
            let prompt = try await cohort.botMessage("the reflection prompt", in: group.roomID, seenBy: writer, timeout: Polling.patience) {
                $0.peerbotKind == "reflection_prompt"
            }

            let empty = try await writer.sendInThread("", root: prompt.eventID, in: group.roomID)
            let help = try await writer.send("!hjælp", in: group.roomID)
            let helped = try await cohort.reply(to: help, in: group.roomID, seenBy: writer)
            #expect(helped.peerbotKind == "help", "!hjælp after the empty reply answered: \(helped)")
            let refused = try await cohort.reply(to: empty, in: group.roomID, seenBy: writer)
            #expect(refused.peerbotError == "bad_arguments", "the empty reply was answered: \(refused)")

            // Down across the deadline: the reflection goes out while the bot is stopped, on time.
            try await cohort.bot.kill9AndWait()
            let text = "Skrevet mens botten var nede, før fristen"
            _ = try await absentee.sendInThread(text, root: prompt.eventID, in: group.roomID)
            let deadline = Date(timeIntervalSince1970: Double(prompt.originServerTS) / 1000 + Self.deadline)
            try await Task.sleep(for: .seconds(max(0, deadline.timeIntervalSinceNow) + 3))
            try cohort.bot.start()
            let summary = try await cohort.botMessage("the summary", in: cohort.supervisorRoom, seenBy: cohort.supervisor,
                                                      timeout: Polling.patience) { $0.peerbotKind == "summary" && $0.inReplyTo == nil }
            #expect(summary.body.contains(text), "the summary leaves out the reflection: \(summary.body)")
            #expect(!summary.body.contains("for sent"), "the on-time reflection is marked late: \(summary.body)")
        }

        @Test("re-forming groups while a session is planned: its end starts no round, and the new group's goals still come")
        func reformingWithASessionPlanned() async throws {
            let cohort = try await CohortScenario.start(
                extra: ["evaluation_every": "1", "wrap_up_before_end": "5s", "join_grace": "24h", "reflection_deadline": "1h"],
                label: "faults-reform")
            defer { cohort.bot.kill9() }
            _ = try await cohort.formGroups(size: 3, seed: 7)
            let planned = try await cohort.command("!session planlæg alle +10s 10s Gammel").reply
            #expect(planned.peerbotError == nil, "the old sessions were not planned: \(planned)")
            let plannedAt = ContinuousClock.now
            let before = Set(await cohort.supervisor.invitesSeen(from: cohort.bot.userID).map(\.roomID))
            let plan = try await cohort.command("!grupper planlæg size=3 seed=8").reply
            #expect(plan.peerbotKind == "group_proposal", "plan answered: \(plan)")
            let create = try await cohort.command("!grupper opret").reply
            #expect(create.peerbotKind == "groups_created", "create answered: \(create)")
            let invites = try await cohort.supervisor.waitForInvites(from: cohort.bot.userID, count: before.count + 2,
                                                                     timeout: Polling.patience, check: cohort.bot.checkAlive)
            var newRooms: [String: String] = [:]
            for invite in invites where !before.contains(invite.roomID) {
                try await cohort.supervisor.join(invite.roomID)
                let welcome = try await cohort.botMessage("the welcome", in: invite.roomID, seenBy: cohort.supervisor) { $0.peerbotKind == "welcome" }
                newRooms[welcome.peerbotGroup ?? "?"] = invite.roomID
            }
            let roomA = try #require(newRooms["A"], "no new group A among \(newRooms.keys.sorted())")
            // The old sessions have ended (and their end would start rounds for archived groups).
            try await Task.sleep(until: plannedAt.advanced(by: .seconds(25)))
            // Planned within the goal lead time and given no goals, it gets its goals message at its start.
            let next = try await cohort.command("!session planlæg A +20s 30m Ny gruppe").reply
            #expect(next.peerbotError == nil, "the new session was not planned: \(next)")
            let goals = try await cohort.botMessage("the new group's goals", in: roomA, seenBy: cohort.supervisor,
                                                    timeout: Polling.patience) { $0.peerbotKind == "goals" }
            #expect(goals.body.contains("Ny gruppe"), "the goals are for another session: \(goals.body)")
            #expect(!cohort.bot.log.contains("scheduled job failed"), "a job failed: \(cohort.bot.logTail())")
        }
    }
}
