import Foundation
import Testing

extension BotEngineTests {
    /// Reflections with patient identifiers are redacted on the homeserver and kept masked, and
    /// the identifiers reach neither the database file, its WAL, the log nor the summary. The
    /// harness runs the bot at debug, the level where message content may be logged at all.
    @Suite("Patient guard")
    struct PatientGuard {
        static let config = ["reflection_deadline": "120s", "wrap_up_before_end": "10s", "join_grace": "24h"]
        /// A thread reflection with a CPR number, a titled name and a bed.
        static let thread = "Hr. Mortensen (120385-1234) på stue 4 seng 2 var bange for operationen"
        static let threadKept = "Hr. [navn] ([CPR]) på [seng] var bange for operationen"
        /// A direct-room reflection with a titled name.
        static let direct = "Jeg var usikker da fru Kjærgaard græd"
        static let directKept = "Jeg var usikker da fru [navn] græd"
        /// A reflection with a dose and a time, which is no identifier.
        static let dose = "Vi gav 2 x 500 mg paracetamol kl. 14.30 og talte om smertescore"
        static let identifiers = ["Mortensen", "120385", "stue 4", "seng 2", "Kjærgaard"]

        @Test("thread and direct reflections with identifiers are redacted and kept masked; a dose and a time are kept as written")
        func identifiersAreRedactedAndMasked() async throws {
            let cohort = try await CohortScenario.start(studentCount: 3, extra: Self.config, label: "guard")
            defer { cohort.bot.kill9() }
            let formed = try await cohort.formGroups(size: 3, seed: 3)
            let group = try #require(formed.rooms.first, "no group room was made")
            let (writer, privateWriter, doser) = (group.students[0], group.students[1], group.students[2])
            let privateRoom = try #require(formed.directRooms[privateWriter.userID])
            let planned = try await cohort.command("!session planlæg A +15s 30s Patientcase").reply
            #expect(planned.peerbotError == nil, "the session was not planned: \(planned)")
            let prompt = try await cohort.botMessage("the reflection prompt", in: group.roomID, seenBy: writer, timeout: Polling.patience) {
                $0.peerbotKind == "reflection_prompt"
            }
            _ = try await cohort.botMessage("the private prompt", in: privateRoom, seenBy: privateWriter) {
                $0.peerbotKind == "reflection_prompt"
            }
            let threadID = try await writer.sendInThread(Self.thread, root: prompt.eventID, in: group.roomID)
            let directID = try await privateWriter.send(Self.direct, in: privateRoom)
            let doseID = try await doser.sendInThread(Self.dose, root: prompt.eventID, in: group.roomID)
            // A command's text is logged at debug: it must be masked there too, and where it is forwarded.
            let questionID = try await doser.send("!spørgsmål Må vi tale om hr. Mortensen på stue 4?", in: group.roomID)
            let forwarded = try await cohort.botMessage("the forwarded question", in: cohort.supervisorRoom, seenBy: cohort.supervisor) {
                $0.body.contains("Må vi tale om")
            }
            #expect(forwarded.body.contains("Må vi tale om hr. [navn] på [seng]?"), "the question was forwarded as \(forwarded.body)")

            let summary = try await cohort.botMessage("the summary", in: cohort.supervisorRoom, seenBy: cohort.supervisor,
                                                      timeout: Polling.patience) {
                $0.peerbotKind == "summary" && $0.inReplyTo == nil
            }
            #expect(summary.body.contains(Self.threadKept), "the summary lacks the masked thread reflection: \(summary.body)")
            #expect(summary.body.contains(Self.directKept), "the summary lacks the masked direct reflection: \(summary.body)")
            #expect(summary.body.contains(Self.dose), "the summary lacks the dose reflection as written: \(summary.body)")
            #expect(summary.body.contains("patientoplysninger skjult"), "the summary does not mark masked reflections: \(summary.body)")

            try await checkNotice(cohort, to: writer, in: try #require(formed.directRooms[writer.userID]), kept: Self.threadKept, group: true)
            try await checkNotice(cohort, to: privateWriter, in: privateRoom, kept: Self.directKept, group: false)
            try await checkRedacted(threadID, in: group.roomID, seenBy: cohort.supervisor)
            try await checkRedacted(directID, in: privateRoom, seenBy: privateWriter)
            try await checkRedacted(questionID, in: group.roomID, seenBy: cohort.supervisor)
            let kept = try await cohort.supervisor.call(.get, Self.eventPath(doseID, in: group.roomID))
            #expect(kept["content"]?["body"]?.string == Self.dose, "the dose reflection was changed on the homeserver: \(kept.text)")
            try await doser.waitForCheckMark(from: cohort.bot, on: doseID, in: group.roomID)

            let stopped = await cohort.bot.terminate()
            #expect(stopped.status == 0, "the bot did not stop cleanly: \(String(describing: stopped.status))")
            try checkFiles(cohort.bot)
        }

        /// The `guard` notice: `m.text` naming the student, with the masked text, and for a group text the request to post again.
        func checkNotice(_ cohort: CohortScenario, to student: TestUser, in room: String, kept: String, group: Bool) async throws {
            let notice = try await cohort.botMessage("the guard notice to \(student.userID)", in: room, seenBy: student) {
                $0.peerbotKind == "guard"
            }
            #expect(notice.msgtype == "m.text", "the guard notice is \(notice.msgtype ?? "no msgtype")")
            #expect(notice.content["m.mentions"]?["user_ids"]?.array?.compactMap(\.string) == [student.userID])
            #expect(notice.body.contains(kept), "the notice does not show what was kept: \(notice.body)")
            #expect(notice.body.contains("skriv den igen") == group, "the notice's request to post again: \(notice.body)")
            for identifier in Self.identifiers {
                #expect(!notice.body.contains(identifier), "the notice repeats \(identifier)")
            }
        }

        /// The homeserver serves the event with empty content once the bot's redaction is in.
        func checkRedacted(_ eventID: String, in room: String, seenBy viewer: TestUser) async throws {
            let path = Self.eventPath(eventID, in: room)
            let event = try await Polling.until("the redaction of \(eventID)", timeout: Polling.patience) { () -> JSON? in
                let event = try await viewer.call(.get, path)
                return event["content"]?.object?.isEmpty == true ? event : nil
            }
            let reason = event["unsigned"]?["redacted_because"]?["content"]?["reason"]?.string
            #expect(reason == "patient identifier", "redacted with reason \(reason ?? "none")")
        }

        /// After a clean stop: the database, its WAL (if any is left) and the log hold no identifier.
        func checkFiles(_ bot: BotProcess) throws {
            var files = [bot.databaseURL, bot.logURL]
            let wal = URL(fileURLWithPath: bot.databaseURL.path + "-wal")
            if FileManager.default.fileExists(atPath: wal.path) { files.append(wal) }
            let stored = try files.filter { $0 != bot.logURL }.reduce(into: Data()) { $0.append(try Data(contentsOf: $1)) }
            #expect(stored.range(of: Data("operationen".utf8)) != nil, "the database does not hold the masked reflection at all")
            for file in files {
                let bytes = try Data(contentsOf: file)
                for identifier in Self.identifiers {
                    #expect(bytes.range(of: Data(identifier.utf8)) == nil, "\(file.lastPathComponent) holds \(identifier)")
                }
            }
            #expect(bot.log.contains("patient identifier masked"), "the log does not note the masking")
        }

        static func eventPath(_ eventID: String, in room: String) -> String {
            "/_matrix/client/v3/rooms/\(MatrixHTTP.segment(room))/event/\(MatrixHTTP.segment(eventID))"
        }
    }
}

extension TestUser {
    /// Waits until this user sees the bot's ✅ on `eventID`.
    func waitForCheckMark(from bot: BotProcess, on eventID: String, in roomID: String) async throws {
        let botID = bot.userID
        _ = try await waitFor("the bot's ✅ on \(eventID)", timeout: Polling.patience, check: bot.checkAlive) {
            $0.roomID == roomID && $0.sender == botID && $0.type == "m.reaction" && $0.annotates == eventID && $0.reactionKey == "✅"
        }
    }
}
