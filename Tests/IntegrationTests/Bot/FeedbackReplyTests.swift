import Foundation
import Testing

extension BotEngineTests {
    /// A student who answers feedback in their direct room reaches the supervisor room.
    @Suite("FeedbackReplies")
    struct FeedbackReplies {
        static let config = ["join_grace": "24h"]
        static let feedbackText = "Fin overlevering, men husk at nævne allergier"
        static let replyText = "Tak! Skal jeg øve overleveringen før næste vagt?"
        static let plainText = "Det var hos fru Kjærgaard, jeg glemte det"

        @Test("a Matrix reply to feedback and a plain message right after it reach the supervisor room, guarded")
        func answersReachTheSupervisors() async throws {
            let cohort = try await CohortScenario.start(studentCount: 2, extra: Self.config, label: "fbreply")
            defer { cohort.bot.kill9() }
            let formed = try await cohort.formGroups(size: 2, seed: 1)
            let student = cohort.students[0]
            let direct = try #require(formed.directRooms[student.userID], "\(student.userID) has no direct room")
            let name = cohort.name(of: student)

            let sent = try await cohort.command("!feedback \(student.userID) \(Self.feedbackText)").reply
            #expect(sent.peerbotError == nil, "!feedback was answered with \(sent)")
            let feedback = try await cohort.botMessage("the feedback in the direct room", in: direct, seenBy: student) {
                $0.peerbotKind == "feedback" && $0.body.contains(Self.feedbackText)
            }

            let replyID = try await student.send(Self.replyText, in: direct, replyingTo: feedback.eventID)
            let forwarded = try await answer(containing: Self.replyText, cohort)
            #expect(forwarded.body.contains(name), "the forwarded answer does not name \(name): \(forwarded.body)")
            #expect(forwarded.msgtype == "m.text" && forwarded.mentionedUsers == [cohort.supervisor.userID],
                    "the forwarded answer does not notify the supervisor: \(forwarded)")
            let ack = try await cohort.reply(to: replyID, in: direct, seenBy: student)
            #expect(ack.body.contains("vejledere"), "the student was told \(ack.body)")

            // No reflection is open: a plain message right after the acknowledgement continues the answer,
            // and a patient's name in it is masked before it leaves the direct room.
            _ = try await student.send(Self.plainText, in: direct)
            let second = try await answer(containing: "jeg glemte det", cohort)
            #expect(!second.body.contains("Kjærgaard"), "a patient's name reached the supervisor room: \(second.body)")
            let posts = try await cohort.botPosts(in: cohort.supervisorRoom)
            #expect(posts.filter { $0.body.contains(Self.replyText) }.count == 1, "the Matrix reply was forwarded more than once")
        }

        /// The bot's message in the supervisor room that quotes `text` as an answer to feedback.
        private func answer(containing text: String, _ cohort: CohortScenario) async throws -> RoomEvent {
            try await cohort.botMessage("the answer \"\(text)\" in the supervisor room", in: cohort.supervisorRoom,
                                        seenBy: cohort.supervisor) {
                $0.peerbotKind == "feedback" && $0.body.contains(text)
            }
        }
    }
}
