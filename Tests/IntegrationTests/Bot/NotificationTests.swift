import Foundation
import Testing

extension BotEngineTests {
    /// What a student's phone would list: Synapse evaluates the default push rules for every
    /// member when an event arrives and keeps what notified them, which
    /// `GET /_matrix/client/v3/notifications` returns (no pusher needed).
    @Suite("Notifications")
    struct Notifications {
        static let config = ["wrap_up_before_end": "10s", "reflection_deadline": "90s", "join_grace": "24h",
                             "evaluation_deadline": "90s", "evaluation_every": "0", "self_assessment": "false"]
        static let feedbackText = "Godt arbejde med overleveringen i dag"

        @Test("the goals, the reflection prompt, an assessment request and feedback notify the student; answers notify no one")
        func requestsNotifyAndAnswersDoNot() async throws {
            let began = ContinuousClock.now
            let cohort = try await CohortScenario.start(studentCount: 3, extra: Self.config, label: "notify")
            defer { cohort.bot.kill9() }
            let formed = try await cohort.formGroups(size: 3, seed: 5)
            let group = try #require(formed.room(named: "A"), "no group A among \(formed.rooms.map(\.name))")
            let student = try #require(group.students.first)
            let direct = try #require(formed.directRooms[student.userID], "\(student.userID) has no direct room")

            let planned = try await cohort.command("!session planlæg A +15s 20s Notifikationer").reply
            #expect(planned.peerbotError == nil, "the session was not planned: \(planned)")
            _ = try await cohort.botMessage("the reflection prompt in group A", in: group.roomID, seenBy: student,
                                            timeout: Polling.patience) { $0.peerbotKind == "reflection_prompt" }
            let feedback = try await cohort.command("!feedback \(student.userID) \(Self.feedbackText)").reply
            #expect(feedback.peerbotError == nil, "!feedback was answered with \(feedback)")
            let evaluation = try await cohort.command("!evaluer A").reply
            #expect(evaluation.peerbotError == nil, "!evaluer A was answered with \(evaluation)")
            _ = try await cohort.botMessage("an assessment request to \(student.userID)", in: direct, seenBy: student) {
                $0.peerbotKind == "assessment_request"
            }

            let wanted: [(kind: String, room: String)] = [
                ("goals", group.roomID), ("reflection_prompt", group.roomID), ("reflection_prompt", direct),
                ("assessment_request", direct), ("feedback", direct),
            ]
            let botID = cohort.bot.userID
            let found = try await Polling.until("the student's notifications", timeout: Polling.patience) {
                let listed = try await Self.notifications(of: student)
                let mine = listed.filter { $0.event.sender == botID }
                let all = wanted.allSatisfy { want in mine.contains { $0.event.peerbotKind == want.kind && $0.event.roomID == want.room } }
                return all ? mine : nil
            }
            for want in wanted {
                let hit = try #require(found.first { $0.event.peerbotKind == want.kind && $0.event.roomID == want.room })
                #expect(hit.event.msgtype == "m.text", "\(want.kind) came as \(hit.event.msgtype ?? "nothing")")
                #expect(hit.event.mentionedUsers.contains(student.userID), "\(want.kind) does not name the student: \(hit.event)")
                #expect(hit.highlight, "\(want.kind) in \(want.room) notified without the mention highlight: \(hit.actions.text)")
            }
            #expect(found.contains { $0.event.peerbotKind == "feedback" && $0.event.body.contains(Self.feedbackText) })

            let supervisorsList = try await Self.notifications(of: cohort.supervisor).filter { $0.event.sender == botID }
            let answers = supervisorsList.filter { $0.event.msgtype == "m.notice" || $0.event.inReplyTo != nil }
            #expect(answers.isEmpty, "answers to the supervisor's commands notified: \(answers.map(\.event))")
            print("notification test took \(ContinuousClock.now - began)")
        }

        /// One entry of `/notifications`: the event and whether its actions highlight it.
        struct Notified: Sendable {
            let event: RoomEvent
            let actions: JSON
            var highlight: Bool {
                (actions.array ?? []).contains { $0["set_tweak"]?.string == "highlight" && $0["value"]?.bool != false }
            }
        }

        static func notifications(of user: TestUser) async throws -> [Notified] {
            let answer = try await user.call(.get, "/_matrix/client/v3/notifications", query: ["limit": "100"])
            return (answer["notifications"]?.array ?? []).compactMap { entry in
                guard let room = entry["room_id"]?.string, let event = entry["event"] else { return nil }
                return Notified(event: RoomEvent(roomID: room, raw: event), actions: entry["actions"] ?? .array([]))
            }
        }
    }
}
