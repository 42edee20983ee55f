import Foundation
import Testing

extension BotEngineTests.PeerAssessment {
    /// `!feedback @changer …` reaches the changer's direct room once, and no other student room.
    func sendFeedback(_ cast: AssessmentCast) async throws {
        let cohort = cast.cohort
        let target = cast.changer
        let sent = try await cohort.command("!feedback \(target.userID) \(Self.feedbackText)").reply
        #expect(sent.peerbotKind == "reply" && sent.peerbotError == nil, "!feedback was answered with \(sent)")
        _ = try await cohort.botMessage("the feedback in \(target.userID)'s direct room", in: cast.room(of: target), seenBy: target) {
            $0.peerbotKind == "feedback" && $0.body.contains(Self.feedbackText)
        }
        try await Task.sleep(for: .seconds(3))
        for student in cast.everyone {
            let posts = try await cohort.botPosts(in: cast.room(of: student), seenBy: student)
            let copies = posts.filter { $0.body.contains(Self.feedbackText) }.count
            #expect(copies == (student.userID == target.userID ? 1 : 0), "the feedback shows \(copies) times in \(student.userID)'s direct room")
        }
        let groupPosts = try await cohort.botPosts(in: cast.group.roomID, seenBy: cast.steady)
        #expect(!groupPosts.contains { $0.body.contains(Self.feedbackText) }, "the feedback to one student shows in the group room")
    }

    /// `!mine data` from the changer: a JSON file in their direct room with the ratings they gave
    /// (the change applied), the feedback and their own result — and nobody else's comments.
    func checkMyData(_ cast: AssessmentCast, plan: RatingPlan) async throws {
        let cohort = cast.cohort
        let student = cast.changer
        let room = cast.room(of: student)
        let asked = try await cohort.command("!mine data", by: student, in: room).reply
        #expect(asked.peerbotError == nil, "!mine data was answered with \(asked)")
        let file = try await cohort.botMessage("the !mine data file", in: room, seenBy: student) { $0.peerbotKind == "mydata" }
        #expect(file.msgtype == "m.file", "the data came as \(file)")
        #expect(file.content["info"]?["mimetype"]?.string == "application/json", "the file is declared as \(file.content["info"]?.text ?? "nothing")")
        let media = try await student.download(try #require(file.content["url"]?.string, "the file has no url: \(file)"))
        #expect(media.contentType?.hasPrefix("application/json") == true, "the file is served as \(media.contentType ?? "nothing")")
        let text = String(decoding: media.data, as: UTF8.self)
        let document = try JSONDecoder().decode(JSON.self, from: media.data)
        #expect(document["profile"]?["user_id"]?.string == student.userID, "the file is about \(document["profile"]?.text ?? "nobody")")

        let given = (document["ratings_given"]?.array ?? []).compactMap { rating -> (String, RatingPlan.Answer)? in
            guard let subject = rating["subject_user_id"]?.string else { return nil }
            return (subject, RatingPlan.Answer(marks: rating["marks"]?.array?.compactMap(\.int) ?? [], comment: rating["comment"]?.string))
        }
        let expectedGiven = plan.final[student.userID] ?? [:]
        #expect(given.count == expectedGiven.count, "ratings_given has \(given.count) entries: \(document["ratings_given"]?.text ?? "none")")
        #expect(Dictionary(given, uniquingKeysWith: { first, _ in first }) == expectedGiven,
                "ratings_given \(document["ratings_given"]?.text ?? "none") are not the ratings that count")

        let feedback = document["feedback"]?.array ?? []
        #expect(feedback.contains { $0["text"]?.string == Self.feedbackText }, "the feedback is missing: \(document["feedback"]?.text ?? "none")")

        let hundredths = WebPAExpectation.hundredths(plan.finalMarks, members: cast.memberIDs)[student.userID] ?? -1
        let results = document["assessment_results"]?.array ?? []
        #expect(results.count == 1, "assessment_results: \(document["assessment_results"]?.text ?? "none")")
        #expect(results.first?["score"]?.string == WebPAExpectation.text(hundredths), "own score in the file: \(results.first?.text ?? "none")")
        #expect(results.first?["band"]?.string == WebPAExpectation.band(hundredths: hundredths), "own band in the file: \(results.first?.text ?? "none")")

        let foreign = plan.finalComments.filter { $0.rater != student.userID }.map(\.text) + [plan.replacedComment]
        for comment in foreign where text.contains(comment) {
            Issue.record("the data file holds \"\(comment)\", which is not the student's own current data")
        }
    }
}
