import Foundation
import Testing

extension BotEngineTests {
    /// What a supervisor and a student see in Element around a session: a private supervisor
    /// room, room links in `!grupper`, a member's display name as a user argument, the reminder
    /// shortly before the start, and the group room's topic moving on after the end.
    @Suite("Element")
    struct Element {
        static let config = ["session_reminder": "30s", "wrap_up_before_end": "5s", "reflection_deadline": "120s",
                             "join_grace": "24h", "evaluation_every": "0"]

        @Test("a private supervisor room, links in !grupper, a display name, the reminder and the topic after the session")
        func aSessionAsElementShowsIt() async throws {
            let cohort = try await CohortScenario.start(studentCount: 3, extra: Self.config, label: "element")
            defer { cohort.bot.kill9() }
            let guests = try await cohort.supervisor.state("m.room.guest_access", in: cohort.supervisorRoom)
            #expect(guests?["guest_access"]?.string == "forbidden", "the supervisor room lets guests in: \(String(describing: guests))")
            let joinRule = try await cohort.supervisor.state("m.room.join_rules", in: cohort.supervisorRoom)
            #expect(joinRule?["join_rule"]?.string == "invite", "the supervisor room is not invite-only: \(String(describing: joinRule))")

            let formed = try await cohort.formGroups(size: 3, seed: 5)
            let group = try #require(formed.room(named: "A"), "no group A among \(formed.rooms.map(\.name))")
            try await groupsAreLinks(cohort, group: group)
            try await aDisplayNameNamesTheStudent(cohort, formed: formed, student: try #require(group.students.last))
            try await theReminderAndTheTopic(cohort, group: group)
        }

        private func groupsAreLinks(_ cohort: CohortScenario, group: GroupRoom) async throws {
            let groups = try await cohort.command("!grupper").reply
            let html = groups.content["formatted_body"]?.string ?? ""
            let url = "https://matrix.to/#/" + group.roomID.replacingOccurrences(of: ":", with: "%3A")
            let link = "<a href=\"\(url)\">Gruppe A</a>"
            #expect(html.contains(link), "no link to group A's room: \(html)")
            // The id appears only inside the link, never as text to read.
            #expect(!html.replacingOccurrences(of: link, with: "").contains(group.roomID), "a raw room id is shown: \(html)")
            #expect(groups.body.contains(url) && !groups.body.replacingOccurrences(of: url, with: "").contains(group.roomID),
                    "a raw room id is shown: \(groups.body)")
            let anna = try #require(group.students.first)
            #expect(html.contains("<a href=\"https://matrix.to/#/\(anna.userID)\">"),
                    "the student is not a pill: \(html)")
        }

        /// The student renames themselves in their client; the supervisor types that name.
        private func aDisplayNameNamesTheStudent(_ cohort: CohortScenario, formed: FormedGroups, student: TestUser) async throws {
            let shown = "Solstråle Nordby"
            _ = try await student.call(.put, "/_matrix/client/v3/profile/\(MatrixHTTP.segment(student.userID))/displayname",
                                       body: ["displayname": .string(shown)])
            // The bot learns the name from the member event in its rooms; until then it answers that it does not know it.
            let ready = try await Polling.until("!klar with the display name", timeout: Polling.patience, interval: .seconds(2)) {
                let reply = try await cohort.command("!klar \(shown.lowercased())").reply
                return reply.peerbotError == nil ? reply : nil
            }
            #expect(ready.body.contains(cohort.name(of: student)), "!klar did not name the student: \(ready.body)")
            let text = "Fint overblik over medicinen i dag"
            let sent = try await cohort.command("!feedback \(shown) \(text)").reply
            #expect(sent.peerbotError == nil, "!feedback by display name was refused: \(sent)")
            let direct = try #require(formed.directRooms[student.userID])
            _ = try await cohort.botMessage("the feedback by display name", in: direct, seenBy: student) {
                $0.peerbotKind == "feedback" && $0.body.contains(text)
            }
        }

        private func theReminderAndTheTopic(_ cohort: CohortScenario, group: GroupRoom) async throws {
            let planned = try await cohort.command("!session planlæg A +75s 20s Påmindelse").reply
            #expect(planned.peerbotError == nil, "the session was not planned: \(planned)")
            let number = try #require(planned.peerbotSession, "the plan reply has no session number: \(planned)")
            let supervisor = cohort.supervisor
            _ = try await Polling.until("the topic naming #\(number)", timeout: Polling.patience) {
                let topic = try await supervisor.state("m.room.topic", in: group.roomID)?["topic"]?.string ?? ""
                return topic.contains("#\(number) Påmindelse") ? topic : nil
            }

            let student = try #require(group.students.first)
            let reminder = try await cohort.botMessage("the reminder before #\(number)", in: group.roomID, seenBy: student,
                                                       timeout: Polling.patience) { $0.peerbotKind == "reminder" && $0.peerbotSession == number }
            #expect(reminder.msgtype == "m.text", "the reminder came as \(reminder.msgtype ?? "nothing")")
            #expect(Set(reminder.mentionedUsers) == Set(group.students.map(\.userID)), "the reminder does not name the group: \(reminder.mentionedUsers)")
            #expect(reminder.body.contains("begynder om"), "the reminder does not say it begins soon: \(reminder.body)")
            let start = try await cohort.botMessage("the start of #\(number)", in: group.roomID, seenBy: student, timeout: Polling.patience) {
                $0.peerbotKind == "session_start" && $0.peerbotSession == number
            }
            #expect(reminder.originServerTS < start.originServerTS, "the reminder came after the start")

            _ = try await cohort.botMessage("the reflection prompt after #\(number)", in: group.roomID, seenBy: student,
                                            timeout: Polling.patience) { $0.peerbotKind == "reflection_prompt" && $0.peerbotSession == number }
            let after = try await Polling.until("the topic moving on from #\(number)", timeout: Polling.patience) {
                let topic = try await supervisor.state("m.room.topic", in: group.roomID)?["topic"]?.string ?? ""
                return topic.contains("#\(number)") ? nil : topic
            }
            #expect(after == "Næste session: ingen planlagt endnu", "the topic after the session: \(after)")
        }
    }
}
