import Foundation
import Testing

extension BotEngineTests.PeerAssessment {
    /// The one `assessment_result` in the supervisor room, once the deadline has passed.
    func awaitResult(_ cast: AssessmentCast) async throws -> RoomEvent {
        let cohort = cast.cohort
        return try await cohort.botMessage("the assessment result", in: cohort.supervisorRoom, seenBy: cohort.supervisor,
                                           timeout: Polling.patience) {
            $0.peerbotKind == "assessment_result"
        }
    }

    /// Scores equal to the test's own WebPA sums, the silent student flagged, the steady rater flagged
    /// undifferentiated, every comment that counts named by rater and subject, the replaced one gone.
    func checkResult(_ result: RoomEvent, cast: AssessmentCast, plan: RatingPlan, expected: [String: String]) {
        #expect(result.peerbotGroup == "A", "the result names group \(result.peerbotGroup ?? "none")")
        #expect(result.peerbotScores == expected,
                "peerbot.scores \(result.content["peerbot.scores"]?.text ?? "missing"), computed \(expected)")
        let lines = result.body.split(separator: "\n").map(String.init)
        for student in cast.everyone {
            let name = cast.cohort.name(of: student)
            let row = lines.filter { $0.hasPrefix(name + ":") }
            #expect(row.count == 1, "\(name) has \(row.count) result lines in \(result.body)")
            let flagged = row.first.map(Self.saysNoSubmission) ?? false
            #expect(flagged == (student.userID == cast.silent.userID),
                    "\(name)'s line \(row.first ?? "none") is \(flagged ? "" : "not ")flagged as no submission")
            let same = row.first?.lowercased().contains("udifferentieret") ?? false
            #expect(same == (student.userID == cast.steady.userID),
                    "\(name)'s line \(row.first ?? "none") is \(same ? "" : "not ")flagged undifferentiated")
        }
        for comment in plan.finalComments {
            let quoted = lines.firstIndex { $0.contains(comment.text) }
            guard let quoted, quoted > 0 else {
                Issue.record("the comment \"\(comment.text)\" is missing from the result: \(result.body)")
                continue
            }
            let author = lines[quoted - 1]
            #expect(author.contains(cast.name(of: comment.rater)) && author.contains(cast.name(of: comment.subject)),
                    "the comment \"\(comment.text)\" is headed \"\(author)\", not by its rater and subject")
        }
        #expect(!result.body.contains(plan.replacedComment), "the replaced comment still shows: \(result.body)")
        #expect(result.body.contains("Udifferentieret: gav alle de andre de samme karakterer"),
                "the result does not explain the undifferentiated flag: \(result.body)")
        // Classic WebPA would have paid the silent student n/(n−1) = 4/3 for the silence.
        let silent = cast.silent.userID
        let classic = WebPAExpectation.classicHundredths(plan.finalMarks, members: cast.memberIDs)[silent] ?? 0
        #expect(WebPAExpectation.text(classic) != expected[silent], "the silent student's score \(expected[silent] ?? "none") is classic WebPA's")
    }

    /// "har ikke afleveret" (da) or "no submission" (en).
    static func saysNoSubmission(_ line: String) -> Bool {
        let lower = line.lowercased()
        return lower.contains("ikke afleveret") || lower.contains("no submission")
    }

    /// In every student room, before `!frigiv`: the requests asked, no band and nothing of anyone's
    /// scores or of the comments.
    func checkStudentRooms(_ cast: AssessmentCast, plan: RatingPlan, requests: [String: [String: String]]) async throws {
        let comments = plan.finalComments.map(\.text) + [plan.replacedComment]
        for student in cast.everyone {
            let room = cast.room(of: student)
            let posts = try await cast.cohort.botPosts(in: room, seenBy: student)
            let asked = posts.compactMap { $0.peerbotKind == "assessment_request" ? $0.peerbotSubject : nil }
            if let answered = requests[student.userID] {
                #expect(asked.count == 3 && Set(asked) == Set(answered.keys), "\(student.userID) was asked about \(asked)")
                #expect(posts.filter { $0.peerbotKind == "reply" && $0.inReplyTo == nil }.count == 1,
                        "\(student.userID) was not told exactly once that all ratings are in")
            } else {
                #expect(asked.count == 1, "the silent \(student.userID) was asked about \(asked), not one peer at a time")
            }
            let bands = posts.filter { $0.peerbotKind == "release" || ($0.peerbotKind == "feedback" && !$0.body.contains(Self.feedbackText)) }
            #expect(bands.isEmpty, "\(student.userID) got a result before !frigiv: \(bands)")
            expectNothingPrivate(posts, comments: comments, place: "\(student.userID)'s direct room")
        }
        let groupPosts = try await cast.cohort.botPosts(in: cast.group.roomID, seenBy: cast.malformer)
        expectNothingPrivate(groupPosts, comments: comments, place: "the group room")
    }

    func expectNothingPrivate(_ posts: [RoomEvent], comments: [String], place: String) {
        for post in posts {
            let text = post.body + (post.content["formatted_body"]?.string ?? "")
            for comment in comments where text.contains(comment) {
                Issue.record("the comment \"\(comment)\" shows in \(place): \(post)")
            }
            #expect(post.content["peerbot.scores"] == nil, "scores show in \(place): \(post)")
            #expect(post.peerbotKind != "assessment_result", "an assessment result was posted in \(place)")
        }
    }
}
