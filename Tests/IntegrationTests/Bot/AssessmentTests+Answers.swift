import Foundation
import Testing

extension BotEngineTests.PeerAssessment {
    /// Replies the bot must refuse: four marks, a 7, and words only.
    static let malformedAnswers = ["4 5 3 4", "4 5 7 4 5", "rigtig god makker"]

    /// Every student, the silent one too, gets the round's introduction (no subject) in their
    /// direct room, followed by a request naming a peer.
    func expectIntroductions(_ cast: AssessmentCast) async throws {
        for student in cast.everyone {
            let room = cast.room(of: student)
            let intro = try await cast.cohort.botMessage("the assessment introduction to \(student.userID)", in: room, seenBy: student) {
                $0.peerbotKind == "assessment_request" && $0.peerbotSubject == nil
            }
            #expect(intro.peerbotGroup == "A", "the introduction names group \(intro.peerbotGroup ?? "none")")
            let request = try await cast.cohort.botMessage("the first request to \(student.userID)", in: room, seenBy: student) {
                $0.peerbotKind == "assessment_request" && $0.peerbotSubject != nil
            }
            #expect(request.originServerTS >= intro.originServerTS, "the request came before the introduction")
            let peers = Set(cast.memberIDs).subtracting([student.userID])
            #expect(peers.contains(request.peerbotSubject ?? ""), "\(student.userID) is asked to rate \(request.peerbotSubject ?? "")")
        }
    }

    /// Answers each request as it comes, one peer at a time, until the bot says all are done.
    /// Returns subject → the request's event id.
    func answerAll(
        _ cast: AssessmentCast, rater: TestUser, plan: RatingPlan, malformedFirst: Bool
    ) async throws -> [String: String] {
        let room = cast.room(of: rater)
        let answers = try #require(plan.first[rater.userID])
        var requests: [String: String] = [:]
        for position in 1...answers.count {
            let asked = Set(requests.keys)
            let request = try await cast.cohort.botMessage("request \(position) to \(rater.userID)", in: room, seenBy: rater) {
                $0.peerbotKind == "assessment_request" && $0.peerbotSubject.map { !asked.contains($0) } == true
            }
            let subject = request.peerbotSubject ?? ""
            let answer = try #require(answers[subject], "\(rater.userID) is asked to rate \(subject), not a peer")
            if malformedFirst && position == 1 {
                try await sendMalformed(cast, rater: rater, subjectName: cast.name(of: subject))
            }
            let reply = try await cast.cohort.command(answer.text, by: rater, in: room).reply
            #expect(reply.peerbotKind == "reply" && reply.peerbotError == nil, "the rating of \(subject) was answered with \(reply)")
            #expect(reply.body.contains(cast.name(of: subject)), "the confirmation does not name \(cast.name(of: subject)): \(reply.body)")
            requests[subject] = request.eventID
        }
        let done = try await cast.cohort.botMessage("the all-done note to \(rater.userID)", in: room, seenBy: rater) {
            $0.peerbotKind == "reply" && $0.inReplyTo == nil
        }
        #expect(done.peerbotError == nil)
        return requests
    }

    /// Each malformed reply gets a `bad_arguments` error that shows the five-mark format, and the
    /// bot keeps asking about the same peer.
    private func sendMalformed(_ cast: AssessmentCast, rater: TestUser, subjectName: String) async throws {
        let room = cast.room(of: rater)
        for text in Self.malformedAnswers {
            let reply = try await cast.cohort.command(text, by: rater, in: room).reply
            #expect(reply.peerbotKind == "error" && reply.peerbotError == "bad_arguments", "\"\(text)\" was answered with \(reply)")
            #expect(Self.showsFiveMarks(reply.body), "the answer to \"\(text)\" does not show the format: \(reply.body)")
        }
        try await rater.sync(timeout: .seconds(1))
        let botID = cast.cohort.bot.userID
        let requests = await rater.seen.filter {
            $0.roomID == room && $0.sender == botID && $0.peerbotKind == "assessment_request" && $0.peerbotSubject != nil
        }
        #expect(requests.count == 1, "after malformed answers the bot moved on: \(requests.map(\.peerbotSubject))")
    }

    /// A second answer for an already rated peer, as a Matrix reply to that peer's request.
    func changeRating(_ cast: AssessmentCast, plan: RatingPlan, requests: [String: String]) async throws {
        let room = cast.room(of: cast.changer)
        let request = try #require(requests[plan.changedSubject], "no request for \(plan.changedSubject)")
        let id = try await cast.changer.send(plan.change.text, in: room, replyingTo: request)
        let reply = try await cast.cohort.reply(to: id, in: room, seenBy: cast.changer)
        #expect(reply.peerbotKind == "reply" && reply.peerbotError == nil, "the changed rating was answered with \(reply)")
        #expect(reply.body.contains(cast.name(of: plan.changedSubject)), "the answer does not name the peer: \(reply.body)")
    }

    /// An example of five marks 1–5, separated by spaces or commas.
    static func showsFiveMarks(_ text: String) -> Bool {
        text.range(of: "[1-5]([ ,]+[1-5]){4}", options: .regularExpression) != nil
    }
}
