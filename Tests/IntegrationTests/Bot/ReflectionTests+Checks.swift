import Foundation
import Testing

extension BotEngineTests.Reflection {
    /// A's summary came before its deadline (everyone had reflected); B's not before its deadline.
    func checkSummaryTimes(_ cohort: CohortScenario, prompts: GroupPrompts, a: RoomEvent, b: RoomEvent) async throws {
        let sinceA = Double(a.originServerTS - prompts.a.originServerTS) / 1000
        let sinceB = Double(b.originServerTS - prompts.b.originServerTS) / 1000
        #expect(sinceA < Self.deadline, "A's summary came \(sinceA) s after its prompt, though everyone had reflected")
        // B's deadline as the bot set it when it opened the round: the prompt itself may reach the
        // homeserver seconds later on busy cores, so its time is no lower bound for the summary.
        let deadlineB = try #require(try await cohort.bot.storedDate("deadline", in: "reflectionRound", where: "sessionNumber = \(prompts.sessionB)"),
                                     "no reflection round of #\(prompts.sessionB) in the bot's store")
        let summaryB = Date(timeIntervalSince1970: Double(b.originServerTS) / 1000)
        #expect(summaryB >= deadlineB, "B's summary came \(deadlineB.timeIntervalSince(summaryB)) s before the deadline the bot set")
        // Summed up at the deadline, by the bot's own record (the summary's way out is not timed).
        let summarizedB = try #require(try await cohort.bot.storedDate("summarizedAt", in: "reflectionRound", where: "sessionNumber = \(prompts.sessionB)"),
                                       "the bot has not marked #\(prompts.sessionB) summed up")
        #expect(summarizedB.timeIntervalSince(deadlineB) < 30, "B was summed up \(summarizedB.timeIntervalSince(deadlineB)) s after its deadline (summary \(sinceB) s after the prompt)")
    }

    /// Exactly one summary per session posted on its own, and one alert about the late reflection.
    func checkSupervisorRoom(_ cohort: CohortScenario, cast: ReflectionCast, prompts: GroupPrompts) async throws {
        let posts = try await cohort.botPosts(in: cohort.supervisorRoom)
        let summaries = posts.filter { $0.peerbotKind == "summary" && $0.inReplyTo == nil }
        for session in [prompts.sessionA, prompts.sessionB] {
            let count = summaries.filter { $0.peerbotSession == session }.count
            #expect(count == 1, "the supervisor room got \(count) summaries of #\(session)")
        }
        #expect(summaries.count == 2, "summaries posted: \(summaries.map { $0.peerbotSession ?? 0 })")
        let name = cohort.name(of: cast.latecomer)
        let lateAlerts = posts.filter { $0.peerbotKind == "alert" && $0.body.contains(name) }
        #expect(lateAlerts.count == 1, "the late reflection was noted \(lateAlerts.count) times: \(lateAlerts)")
    }

    /// Everyone in A reflected: the edited text (not the first), the direct one, the command's one,
    /// group ones before private ones; the group's task; nobody missing; nothing from B.
    func checkSummaryOfA(_ summary: RoomEvent, cohort: CohortScenario, cast: ReflectionCast) {
        let body = summary.body
        #expect(summary.peerbotGroup == "A", "A's summary is marked \(summary.peerbotGroup ?? "with no group")")
        for kept in [Texts.edited, Texts.privateDirect, Texts.command, Texts.task] {
            let count = Self.occurrences(of: kept, in: body)
            #expect(count == 1, "A's summary holds \"\(kept)\" \(count) times")
        }
        for absent in [Texts.original, Texts.redacted, Texts.redactorPrivate, Texts.late] {
            #expect(!body.contains(absent), "A's summary holds \"\(absent)\"")
        }
        if let edited = body.range(of: Texts.edited), let command = body.range(of: Texts.command),
           let direct = body.range(of: Texts.privateDirect) {
            #expect(edited.lowerBound < direct.lowerBound && command.lowerBound < direct.lowerBound,
                    "A's summary does not list the group reflections before the private one")
        }
        #expect(Self.missingLine(body) == nil, "A's summary names someone missing: \(Self.missingLine(body) ?? "")")
    }

    /// B's summary at the deadline: the redactor's private text, not the redacted one; the late
    /// and the silent student named missing; no task.
    func checkSummaryOfB(_ summary: RoomEvent, cohort: CohortScenario, cast: ReflectionCast) {
        let body = summary.body
        #expect(summary.peerbotGroup == "B", "B's summary is marked \(summary.peerbotGroup ?? "with no group")")
        #expect(Self.occurrences(of: Texts.redactorPrivate, in: body) == 1,
                "B's summary holds the private reflection \(Self.occurrences(of: Texts.redactorPrivate, in: body)) times")
        for absent in [Texts.redacted, Texts.late, Texts.task, Texts.edited] {
            #expect(!body.contains(absent), "B's summary holds \"\(absent)\"")
        }
        let missing = Self.missingLine(body) ?? ""
        for student in [cast.latecomer, cast.silent] {
            let name = cohort.name(of: student)
            #expect(missing.contains(name), "B's summary does not name \(name) missing: \(missing)")
        }
        #expect(!missing.contains(cohort.name(of: cast.redactor)), "B's summary names the redactor missing: \(missing)")
    }

    /// `!opsummering B` after the late answer: it is there once, marked late; only the silent one is missing.
    func checkLateSummary(_ summary: RoomEvent, cohort: CohortScenario, cast: ReflectionCast) {
        let body = summary.body
        let lateCount = Self.occurrences(of: Texts.late, in: body)
        #expect(lateCount == 1, "!opsummering holds the late reflection \(lateCount) times: \(body)")
        let author = Self.authorLine(of: Texts.late, in: body) ?? ""
        #expect(author.contains(cohort.name(of: cast.latecomer)) && author.contains("for sent"),
                "the late reflection is headed \"\(author)\", not with its author marked late")
        #expect(Self.occurrences(of: Texts.redactorPrivate, in: body) == 1)
        #expect(!body.contains(Texts.redacted), "!opsummering holds the redacted reflection")
        let missing = Self.missingLine(body) ?? ""
        #expect(missing.contains(cohort.name(of: cast.silent)), "!opsummering does not name the silent student: \(missing)")
        #expect(!missing.contains(cohort.name(of: cast.latecomer)), "!opsummering still names the latecomer missing: \(missing)")
    }

    /// One ✅ from the bot on every thread and direct reflection; one `reflection_ack` per `!refleksion`.
    func checkAcknowledgements(_ cohort: CohortScenario, sent: SentReflections) async throws {
        let botID = cohort.bot.userID
        for (student, eventID, roomID) in sent.acknowledged {
            let marks = try await student.reactions(on: eventID, in: roomID, from: botID, key: "✅")
            #expect(marks.count == 1, "\(student.userID)'s reflection \(eventID) got \(marks.count) ✅ from the bot")
        }
        for (student, eventID, roomID) in sent.commands {
            let answers = try await student.replies(in: roomID, from: botID, to: [eventID])[eventID] ?? []
            #expect(answers.count == 1, "\(student.userID)'s !refleksion \(eventID) got \(answers.count) answers: \(answers)")
            #expect(answers.allSatisfy { $0.peerbotKind == "reflection_ack" }, "answers: \(answers)")
        }
    }

    /// Each prompt once; the reminder once to each of B's students without a reflection at halfway.
    func checkPromptsAndReminders(_ cohort: CohortScenario, cast: ReflectionCast, prompts: GroupPrompts) async throws {
        for group in [cast.groupA, cast.groupB] {
            let count = try await cohort.botPosts(in: group.roomID).filter { $0.peerbotKind == "reflection_prompt" }.count
            #expect(count == 1, "group \(group.name) got \(count) reflection prompts")
        }
        for student in cast.everyone {
            let posts = try await cohort.botPosts(in: try cast.direct(student), seenBy: student)
            let promptCount = posts.filter { $0.peerbotKind == "reflection_prompt" }.count
            #expect(promptCount == 1, "\(student.userID) got \(promptCount) private prompts")
            let reminders = posts.filter { $0.peerbotKind == "reminder" }
            if [cast.latecomer.userID, cast.silent.userID].contains(student.userID) {
                #expect(reminders.count == 1, "\(cohort.name(of: student)) got \(reminders.count) reminders")
                #expect(reminders.allSatisfy { $0.peerbotSession == prompts.sessionB })
            } else if cast.groupA.students.contains(where: { $0.userID == student.userID }) {
                #expect(reminders.isEmpty,
                        "\(cohort.name(of: student)) reflected before halfway yet got \(reminders.count) reminders")
            }
        }
    }

    static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// The "Mangler refleksion: …" line of a summary, if any.
    static func missingLine(_ body: String) -> String? {
        body.split(separator: "\n").map(String.init).first { $0.hasPrefix("Mangler refleksion") }
    }

    /// The line above a quoted reflection: its author and notes such as "for sent".
    static func authorLine(of text: String, in body: String) -> String? {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let index = lines.firstIndex(where: { $0.hasPrefix(">") && $0.contains(text) }), index > 0 else { return nil }
        return lines[index - 1]
    }
}
