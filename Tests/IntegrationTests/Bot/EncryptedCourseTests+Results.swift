import Foundation
import Testing

extension BotEngineTests.EncryptedCourse {
    /// The session's summary in the supervisor room, posted on its own at the reflection deadline.
    static func awaitSummary(_ course: EncryptedCourseCast, session: Int) async throws -> RoomEvent {
        let botID = course.bot.userID
        return try await course.supervisor.waitFor("the summary of #\(session)", in: course.supervisorRoom, timeout: Polling.patience,
                                                   check: course.bot.checkAlive) {
            $0.sender == botID && $0.peerbotKind == "summary" && $0.peerbotSession == session && $0.inReplyTo == nil
        }[0]
    }

    /// The summary decrypts and says what happened: both reflections, the one ✅ confirmation,
    /// and the student who did not reflect.
    static func checkSummary(_ summary: RoomEvent, course: EncryptedCourseCast, reflections: EncryptedReflections,
                             confirmer: EncryptedTestUser, silent: EncryptedTestUser) {
        let body = summary.body
        #expect(summary.wasEncrypted && summary.isDecrypted, "the summary: \(summary)")
        #expect(summary.peerbotGroup == "A", "the summary is marked \(summary.peerbotGroup ?? "with no group")")
        #expect(body.contains(reflections.thread.text), "the summary lacks the thread reflection: \(body)")
        #expect(body.contains(reflections.direct.text), "the summary lacks the direct reflection: \(body)")
        #expect(body.contains("1 af 3"), "the summary does not count the one ✅ confirmation: \(body)")
        let lines = body.split(separator: "\n").map(String.init)
        let confirmerLine = lines.first { $0.hasPrefix("• " + course.name(of: confirmer.userID) + ":") }
        #expect(confirmerLine?.contains("mål ✓") == true, "the ✅ does not count as a confirmation: \(confirmerLine ?? body)")
        let missing = lines.first { $0.hasPrefix("Mangler refleksion") } ?? ""
        #expect(missing.contains(course.name(of: silent.userID)), "the summary does not name the silent student: \(body)")
        for student in course.students where student.userID != silent.userID {
            #expect(!missing.contains(course.name(of: student.userID)), "the summary names a reflecting student missing: \(missing)")
        }
    }

    /// `!evaluer A`; every student rates both peers in their direct room, each rating answered by
    /// the bot naming the peer, then told they have rated everyone. Returns the rating events.
    static func assess(_ course: EncryptedCourseCast, plan: EncryptedRatingPlan) async throws
        -> [(student: String, room: String, eventID: String)]
    {
        let started = try await Rooms.command("!evaluer A", by: course.supervisor, in: course.supervisorRoom, bot: course.bot)
        try #require(started.peerbotError == nil, "!evaluer A was refused: \(started)")
        return try await withThrowingTaskGroup(of: [(student: String, room: String, eventID: String)].self) { tasks in
            for rater in course.students {
                tasks.addTask { try await rateAll(course, rater: rater, plan: plan) }
            }
            return try await tasks.reduce(into: []) { $0 += $1 }
        }
    }

    /// Answers each request as it comes, one peer at a time.
    private static func rateAll(_ course: EncryptedCourseCast, rater: EncryptedTestUser, plan: EncryptedRatingPlan) async throws
        -> [(student: String, room: String, eventID: String)]
    {
        let bot = course.bot, botID = bot.userID, room = course.direct(of: rater)
        var sent: [(student: String, room: String, eventID: String)] = []
        var asked: Set<String> = []
        for position in 1...2 {
            let done = asked
            let request = try await rater.waitFor("request \(position) to \(rater.userID)", in: room, timeout: Polling.patience,
                                                  check: bot.checkAlive) {
                $0.sender == botID && $0.peerbotKind == "assessment_request" && $0.peerbotSubject.map { !done.contains($0) } == true
            }[0]
            #expect(request.wasEncrypted && request.isDecrypted, "the request: \(request)")
            let subject = try #require(request.peerbotSubject)
            try #require(plan.marks[rater.userID]?[subject] != nil, "\(rater.userID) is asked to rate \(subject)")
            #expect(request.body.contains(course.name(of: subject)), "the request does not name the peer: \(request.body)")
            let answer = try await rater.send(plan.answer(by: rater.userID, about: subject), in: room)
            let reply = try await Rooms.answer(to: answer, in: room, from: bot, seenBy: rater)
            #expect(reply.peerbotKind == "reply" && reply.peerbotError == nil, "the rating of \(subject) was answered with \(reply)")
            #expect(reply.body.contains(course.name(of: subject)), "the confirmation does not name the peer: \(reply.body)")
            asked.insert(subject)
            sent.append((rater.userID, room, answer))
        }
        let done = try await rater.waitFor("the all-done note to \(rater.userID)", in: room, timeout: Polling.patience, check: bot.checkAlive) {
            $0.sender == botID && $0.peerbotKind == "reply" && $0.inReplyTo == nil
        }[0]
        #expect(done.wasEncrypted && done.isDecrypted && done.peerbotError == nil, "the all-done note: \(done)")
        return sent
    }

    /// The round's result in the supervisor room: once everyone has rated, or at the deadline.
    static func awaitResult(_ course: EncryptedCourseCast) async throws -> RoomEvent {
        let botID = course.bot.userID
        return try await course.supervisor.waitFor("the assessment result", in: course.supervisorRoom, timeout: Polling.patience,
                                                   check: course.bot.checkAlive) {
            $0.sender == botID && $0.peerbotKind == "assessment_result"
        }[0]
    }

    /// The result decrypts, carries the WebPA scores of the marks sent, and quotes the comment.
    static func checkResult(_ result: RoomEvent, course: EncryptedCourseCast, plan: EncryptedRatingPlan) {
        #expect(result.wasEncrypted && result.isDecrypted, "the result: \(result)")
        #expect(result.peerbotGroup == "A", "the result names group \(result.peerbotGroup ?? "none")")
        let expected = WebPAExpectation.scores(plan.marks, members: course.students.map(\.userID))
        #expect(result.peerbotScores == expected, "peerbot.scores \(result.content["peerbot.scores"]?.text ?? "missing"), computed \(expected)")
        for name in course.names { #expect(result.body.contains(name + ":"), "the result has no line for \(name): \(result.body)") }
        #expect(result.body.contains(plan.comment), "the result does not quote the comment: \(result.body)")
    }

    /// As the homeserver keeps them: the students' reflections and ratings, and everything the bot
    /// posted in every room of the course, are `m.room.encrypted`.
    static func expectCiphertext(_ course: EncryptedCourseCast,
                                 studentEvents: [(student: String, room: String, eventID: String)]) async throws {
        for sent in studentEvents {
            let student = try #require(course.students.first { $0.userID == sent.student })
            let raw = try await student.plain.history(of: sent.room).first { $0.eventID == sent.eventID }
            #expect(raw?.type == "m.room.encrypted", "sent in the clear: \(raw.map(\.description) ?? "missing \(sent.eventID)")")
        }
        let botID = course.bot.userID
        var rooms = [(course.supervisor.plain, course.supervisorRoom), (course.students[0].plain, course.groupRoom)]
        for student in course.students { rooms.append((student.plain, course.direct(of: student))) }
        for (viewer, room) in rooms {
            let posted = try await viewer.history(of: room).filter { $0.sender == botID && $0.stateKey == nil && $0.type != "m.room.redaction" }
            #expect(!posted.isEmpty, "the bot posted nothing in \(room)")
            let clear = posted.filter { $0.type != "m.room.encrypted" }
            #expect(clear.isEmpty, "the bot posted in the clear in \(room): \(clear)")
        }
    }
}
