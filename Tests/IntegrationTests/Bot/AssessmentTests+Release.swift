import Foundation
import Testing

extension BotEngineTests.PeerAssessment {
    /// A session of group A ends; `!forlæng` gives the silent student ten more minutes; after the
    /// common deadline the steady student's reflection is marked late and the silent student's is not.
    func extendAReflection(_ cast: AssessmentCast) async throws {
        let cohort = cast.cohort
        let planned = try await cohort.command("!session planlæg A +5s 15s Overlevering ved vagtskifte").reply
        #expect(planned.peerbotError == nil, "the session was not planned: \(planned)")
        let silentRoom = cast.room(of: cast.silent)
        let prompt = try await cohort.botMessage("the reflection prompt to the silent student", in: silentRoom, seenBy: cast.silent,
                                                 timeout: Polling.patience) { $0.peerbotKind == "reflection_prompt" }
        let session = try #require(prompt.peerbotSession, "the prompt names no session: \(prompt)")
        let granted = try await cohort.command("!forlæng \(cast.silent.userID) 10m").reply
        #expect(granted.peerbotKind == "reply" && granted.peerbotError == nil, "!forlæng was answered with \(granted)")
        let told = try await cohort.botMessage("the new deadline in the silent student's room", in: silentRoom, seenBy: cast.silent) {
            $0.peerbotKind == "reminder" && $0.body.contains("#\(session)")
        }
        #expect(told.mentionedUsers == [cast.silent.userID], "the notice mentions \(told.mentionedUsers)")

        let deadline = prompt.sentAt.addingTimeInterval(Self.reflectionDeadline + 3)
        try await Task.sleep(for: .seconds(max(0, deadline.timeIntervalSinceNow)))
        let late = try await cohort.command("!refleksion Jeg så for sent, at overleveringen manglede medicinlisten",
                                            by: cast.steady, in: cast.room(of: cast.steady)).reply
        #expect(late.peerbotKind == "reflection_ack" && late.body.contains("for sent"), "the steady student's late reflection: \(late)")
        let onTime = try await cohort.command("!refleksion Næste gang bruger jeg ISBAR fra start",
                                              by: cast.silent, in: silentRoom).reply
        #expect(onTime.peerbotKind == "reflection_ack" && !onTime.body.contains("for sent"),
                "the extended student's reflection after the common deadline was marked late: \(onTime)")
        // The others' deadline has passed and the extended student has reflected: the summary follows.
        _ = try await cohort.botMessage("the summary of #\(session)", in: cohort.supervisorRoom, seenBy: cohort.supervisor,
                                        timeout: Polling.patience) { $0.peerbotKind == "summary" && $0.peerbotSession == session }
    }

    /// `!frigiv A`: each student gets one `release` in their direct room with their band and, when
    /// at least two peers commented, those comments — never a peer's name or user id; a second
    /// `!frigiv A` is refused with `conflict`.
    func release(_ cast: AssessmentCast, plan: RatingPlan) async throws {
        let cohort = cast.cohort
        let reply = try await cohort.command("!frigiv A").reply
        #expect(reply.peerbotKind == "reply" && reply.peerbotError == nil, "!frigiv A was answered with \(reply)")
        let hundredths = WebPAExpectation.hundredths(plan.finalMarks, members: cast.memberIDs)
        for student in cast.everyone {
            let released = try await cohort.botMessage("the release to \(student.userID)", in: cast.room(of: student), seenBy: student) {
                $0.peerbotKind == "release"
            }
            let text = released.body + (released.content["formatted_body"]?.string ?? "")
            for peer in cast.everyone where peer.userID != student.userID {
                #expect(!text.contains(peer.userID) && !text.contains(cohort.name(of: peer)),
                        "\(student.userID)'s release names \(peer.userID): \(released.body)")
            }
            #expect(released.mentionedUsers == [student.userID], "the release mentions \(released.mentionedUsers)")
            #expect(released.body.range(of: "[0-9][.,][0-9]{2}", options: .regularExpression) == nil, "the release shows a score: \(released.body)")
            let band = WebPAExpectation.band(hundredths: hundredths[student.userID] ?? -1)
            let words = ["below": "under gruppens gennemsnit", "around": "omkring gruppens gennemsnit", "above": "over gruppens gennemsnit"]
            #expect(released.body.contains(words[band]!), "\(student.userID) should be told \(band): \(released.body)")
            let about = plan.comments(about: student.userID)
            if about.count >= 2 {
                for comment in about { #expect(released.body.contains(comment), "\(student.userID) misses \"\(comment)\"") }
            } else {
                #expect(released.body.contains("Færre end 2"), "\(student.userID) is not told too few commented: \(released.body)")
                for comment in about { #expect(!released.body.contains(comment), "\(student.userID) sees the lone comment \"\(comment)\"") }
            }
            let others = plan.finalComments.filter { $0.subject != student.userID }.map(\.text) + [plan.replacedComment]
            for comment in others { #expect(!released.body.contains(comment), "\(student.userID) sees \"\(comment)\", not about them") }
        }
        let again = try await cohort.command("!frigiv A").reply
        #expect(again.peerbotError == "conflict", "a second !frigiv A was answered with \(again)")
        try await Task.sleep(for: .seconds(2))
        for student in cast.everyone {
            let count = try await cohort.botPosts(in: cast.room(of: student), seenBy: student).filter { $0.peerbotKind == "release" }.count
            #expect(count == 1, "\(student.userID) got \(count) releases")
        }
    }

    /// `!overblik A` in the supervisor room: a row per student with the round's score in Danish
    /// decimals, the silent student's reflection counted on time.
    func checkOverview(_ cast: AssessmentCast, plan: RatingPlan) async throws {
        let cohort = cast.cohort
        let overview = try await cohort.command("!overblik A").reply
        #expect(overview.peerbotKind == "overview" && overview.peerbotError == nil, "!overblik A was answered with \(overview)")
        let hundredths = WebPAExpectation.hundredths(plan.finalMarks, members: cast.memberIDs)
        let blocks = overview.body.components(separatedBy: "\n\n")
        for student in cast.everyone {
            let name = cohort.name(of: student)
            let block = blocks.first { $0.hasPrefix(name) } ?? ""
            let score = WebPAExpectation.danish(hundredths[student.userID] ?? -1)
            #expect(block.contains("WebPA \(score)"), "\(name)'s overview shows no \(score): \(block)")
            if student.userID == cast.silent.userID {
                #expect(block.contains("Refleksioner: 1 til tiden, 0 sent"), "the extended reflection is not on time: \(block)")
            }
            if student.userID == cast.steady.userID {
                #expect(block.contains("0 til tiden, 1 sent"), "the late reflection is not late: \(block)")
            }
        }
        let html = overview.content["formatted_body"]?.string ?? ""
        // A block per student that reads on a phone, with WebPA explained before the first score.
        #expect(!html.contains("<table") && html.contains("WebPA er scoren fra peer-vurderingen"), "the overview is not in blocks: \(html)")
    }
}
