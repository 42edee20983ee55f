import Foundation
import Testing

extension BotEngineTests {
    /// One short session from planning to wrap-up, as the group, its facilitator and the supervisor see it.
    @Suite("Sessions")
    struct Sessions {
        static let goal = "Genkende tidlige tegn på sepsis"
        static let question = "Skal vi bruge qSOFA eller NEWS?"
        /// The session's length and `wrap_up_before_end`, in seconds. `goal_lead_time` is 15 s, so the
        /// session planned 20 s ahead counts as planned in time and gets its goals 5 s after planning.
        static let length = 60.0
        static let wrapUp = 15.0

        @Test("goals, ✅ and !forstået, a question, start, midpoint, wrap-up: each once, across a restart")
        func oneMinuteSession() async throws {
            let began = ContinuousClock.now
            let cohort = try await CohortScenario.start(extra: ["wrap_up_before_end": "15s", "goal_lead_time": "15s"], label: "sessions")
            defer { cohort.bot.kill9() }
            let formed = try await cohort.formGroups(size: 3, seed: 7)
            let group = try #require(formed.room(named: "A"), "no group A among \(formed.rooms.map(\.name))")
            try #require(group.students.count == 3)
            let people = Roles(facilitator: group.students[0], confirmer: group.students[1], asker: group.students[2])
            let facilitatorRoom = try #require(formed.directRooms[people.facilitator.userID])

            let ready = try await cohort.command("!klar \(people.facilitator.userID)").reply
            #expect(ready.peerbotError == nil, "!klar was refused: \(ready)")
            let planned = try await cohort.command("!session planlæg A +20s 60s Sepsis-case").reply
            #expect(planned.peerbotError == nil, "the session was not planned: \(planned)")
            let number = try #require(Self.sessionNumber(planned), "no #number in \(planned.body)")
            let goalAdded = try await cohort.command("!session mål #\(number) \(Self.goal)").reply
            #expect(goalAdded.peerbotError == nil, "the goal was refused: \(goalAdded)")

            let goals = try await goalsMessage(cohort, room: group.roomID, session: number, viewer: people.facilitator)
            try await confirmAndAsk(cohort, room: group.roomID, session: number, goals: goals, people: people)

            let start = try await cohort.botMessage("session_start of #\(number)", in: group.roomID, seenBy: people.facilitator,
                                                    timeout: Polling.patience) {
                $0.peerbotKind == "session_start" && $0.peerbotSession == number
            }
            #expect(start.body.contains(cohort.name(of: people.facilitator)), "session_start names another facilitator: \(start.body)")
            #expect(start.mentionedUsers.contains(people.facilitator.userID), "session_start does not mention the facilitator")
            let checklist = try await cohort.botMessage("the facilitator's checklist", in: facilitatorRoom, seenBy: people.facilitator) {
                $0.peerbotKind == "facilitator_prompt" && $0.peerbotSession == number
            }
            #expect(checklist.peerbotGroup == "A")

            let startedAt = Date(timeIntervalSince1970: Double(start.originServerTS) / 1000)
            let restartedAt = try await restartAcrossMidpoint(cohort.bot, sessionStart: startedAt)
            try await waitForPrompts(cohort, room: group.roomID, session: number, viewer: people.facilitator)
            try await Task.sleep(for: .seconds(max(0, startedAt.addingTimeInterval(Self.length + 6).timeIntervalSinceNow)))

            try await checkGroupRoom(cohort, room: group.roomID, session: number, people: people,
                                     startedAt: startedAt, restartedAt: restartedAt)
            try await checkOtherRooms(cohort, formed: formed, session: number, people: people)
            print("sessions test took \(ContinuousClock.now - began)")
        }

        static func sessionNumber(_ reply: RoomEvent) -> Int? {
            if let number = reply.peerbotSession { return number }
            guard let match = reply.body.range(of: "#[0-9]+", options: .regularExpression) else { return nil }
            return Int(reply.body[match].dropFirst())
        }
    }
}

/// Who does what in the session's group.
struct Roles: Sendable {
    /// Marked ready, so the rotation makes them facilitator; confirms by ✅.
    let facilitator: TestUser
    /// Confirms with `!forstået`.
    let confirmer: TestUser
    /// Asks with `!spørgsmål` and does not confirm.
    let asker: TestUser
}
