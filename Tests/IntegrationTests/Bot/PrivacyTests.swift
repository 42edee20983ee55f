import Foundation
import Testing

extension BotEngineTests {
    /// Private texts stay in the supervisor room, the rooms the bot makes stay closed on the
    /// homeserver itself, exports cannot run formulas and deleted text leaves the database file.
    @Suite("Privacy")
    struct Privacy {
        static let config = ["join_grace": "24h", "wrap_up_before_end": "5s"]
        static let privateText = "Jeg var usikker paa doseringen af heparin 4417"
        static let laterText = "Naeste gang spoerger jeg tidligere om dosis 9932"

        @Test("!summary in a group room, closed rooms, a forged marker, a formula cell, retention on the database file")
        func privateTextsStayPrivate() async throws {
            let cohort = try await CohortScenario.start(studentCount: 3, extra: Self.config, label: "privacy")
            defer { cohort.bot.kill9() }
            let formed = try await cohort.formGroups(size: 3, seed: 1)
            let group = try #require(formed.rooms.first)
            let writer = cohort.students[0], other = cohort.students[1]
            let writerRoom = try #require(formed.directRooms[writer.userID])
            let otherRoom = try #require(formed.directRooms[other.userID])

            try await checkClosedRooms(cohort, group: group, studentRoom: writerRoom, student: writer)
            try await checkForgedMarker(cohort, forger: writer, forgerRoom: writerRoom, victim: other, victimRoom: otherRoom)
            try await reflectPrivately(cohort, group: group, student: writer, room: writerRoom)
            try await checkSummaryInGroupRoom(cohort, group: group)
            try await checkFormulaExport(cohort, group: group, student: writer)
            try await checkRetentionErasesTheFile(cohort, student: other, room: otherRoom)
        }

        /// The homeserver's status for a refused request, nil when it was allowed.
        static func refusal(_ request: () async throws -> Void) async throws -> Int? {
            do {
                try await request()
                return nil
            } catch HarnessError.matrix(_, _, let status, _, _) {
                return status
            }
        }

        /// Students may not invite into their group room, nor change state or kick in their direct room.
        func checkClosedRooms(_ cohort: CohortScenario, group: GroupRoom, studentRoom: String, student: TestUser) async throws {
            let outsider = try await TestUser.register(on: cohort.server, prefix: "outsider")
            let invite = try await Self.refusal { try await student.invite(outsider.userID, to: group.roomID) }
            #expect(invite == 403, "a student's invite of an outsider was answered \(invite.map(String.init) ?? "with success")")
            #expect(try await cohort.supervisor.membership(of: outsider.userID, in: group.roomID) == nil)
            let kick = try await Self.refusal {
                _ = try await student.call(.post, "/_matrix/client/v3/rooms/\(MatrixHTTP.segment(studentRoom))/kick",
                                           body: ["user_id": .string(cohort.bot.userID), "reason": "test"])
            }
            #expect(kick == 403, "a student kicking the bot from their direct room was answered \(kick.map(String.init) ?? "with success")")
            let power = try await student.state("m.room.power_levels", in: studentRoom) ?? .null
            #expect(power["users"]?[student.userID] == nil && power["kick"]?.int == 100, "direct room power levels: \(power.text)")
            let creators = try await student.state("m.room.create", in: studentRoom)?["additional_creators"]?.array ?? []
            #expect(creators.isEmpty, "the student is a co-creator of their direct room: \(creators)")
        }

        /// A student cannot write the bot's marker in their own room; a room they made with a copy of
        /// it, which a supervisor let the bot into, does not take over another student's direct room.
        func checkForgedMarker(
            _ cohort: CohortScenario, forger: TestUser, forgerRoom: String, victim: TestUser, victimRoom: String
        ) async throws {
            let forged: JSON = ["kind": "direct", "ref": .string("ref:direct:\(victim.userID)")]
            let ownRoom = try await Self.refusal {
                _ = try await forger.call(.put, "/_matrix/client/v3/rooms/\(MatrixHTTP.segment(forgerRoom))/state/org.peerbot.room/", body: forged)
            }
            #expect(ownRoom == 403, "a student rewrote the marker of their direct room: \(ownRoom.map(String.init) ?? "success")")
            let made = try await forger.createRoom(name: "fælles noter", invite: [cohort.supervisor.userID])
            _ = try await forger.call(.put, "/_matrix/client/v3/rooms/\(MatrixHTTP.segment(made))/state/org.peerbot.room/", body: forged)
            try await cohort.supervisor.join(made)
            try await cohort.supervisor.invite(cohort.bot.userID, to: made)
            try await cohort.supervisor.waitForMembership(of: cohort.bot.userID, in: made, timeout: Polling.patience, check: cohort.bot.checkAlive)
            let sent = try await cohort.command("!feedback \(victim.userID) Flot arbejde med journalen").reply
            #expect(sent.peerbotError == nil, "feedback answered \(sent)")
            let feedback = try await cohort.botMessage("feedback in the victim's own room", in: victimRoom, seenBy: victim) {
                $0.peerbotKind == "feedback"
            }
            #expect(feedback.body.contains("Flot arbejde"))
            let inForged = try await cohort.botPosts(in: made, seenBy: forger)
            #expect(!inForged.contains { $0.peerbotKind == "feedback" }, "the feedback went to the forger's room")
        }

        /// A session ends; the student answers the prompt in their direct room and the bot acknowledges it.
        func reflectPrivately(_ cohort: CohortScenario, group: GroupRoom, student: TestUser, room: String) async throws {
            let planned = try await cohort.command("!session planlæg \(group.name) +3s 15s Privatlivscase").reply
            #expect(planned.peerbotError == nil, "the session was not planned: \(planned)")
            _ = try await cohort.botMessage("the reflection prompt", in: room, seenBy: student, timeout: Polling.patience) {
                $0.peerbotKind == "reflection_prompt"
            }
            let id = try await student.send(Self.privateText, in: room)
            _ = try await Polling.until("the ✅ on the reflection", timeout: Polling.patience) {
                try cohort.bot.checkAlive()
                return try await student.reactions(on: id, in: room, from: cohort.bot.userID, key: "✅").isEmpty ? nil : true
            }
        }

        /// `!opsummering` in the group room: a notice there, the summary with the private text in the supervisor room.
        func checkSummaryInGroupRoom(_ cohort: CohortScenario, group: GroupRoom) async throws {
            let asked = try await cohort.command("!opsummering \(group.name)", in: group.roomID).reply
            #expect(asked.peerbotKind == "reply" && !asked.body.contains(Self.privateText), "answered in the group room with \(asked)")
            let summary = try await cohort.botMessage("the summary in the supervisor room", in: cohort.supervisorRoom,
                                                      seenBy: cohort.supervisor) { $0.peerbotKind == "summary" }
            #expect(summary.body.contains(Self.privateText), "the summary leaves out the private reflection: \(summary.body)")
            try await Task.sleep(for: .seconds(3))
            let inGroup = try await cohort.botPosts(in: group.roomID)
            #expect(!inGroup.contains { $0.body.contains(Self.privateText) || $0.peerbotKind == "summary" },
                    "a private text reached the group room")
        }

        /// A task whose text is a formula comes out of `!export` as text.
        func checkFormulaExport(_ cohort: CohortScenario, group: GroupRoom, student: TestUser) async throws {
            let formula = #"=HYPERLINK("https://evil.example","klik")"#
            let added = try await cohort.command("!task add \(formula)", by: student, in: group.roomID).reply
            #expect(added.peerbotError == nil, "the task was refused: \(added)")
            let asked = try await cohort.command("!export", in: group.roomID).reply
            #expect(asked.peerbotKind == "reply", "!export in the group room answered \(asked)")
            let file = try await cohort.botMessage("tasks.csv", in: cohort.supervisorRoom, seenBy: cohort.supervisor) {
                $0.msgtype == "m.file" && ($0.content["filename"]?.string ?? $0.body) == "tasks.csv"
            }
            let media = try await cohort.supervisor.download(try #require(file.content["url"]?.string))
            let text = String(decoding: media.data, as: UTF8.self)
            #expect(text.contains("'=HYPERLINK"), "the formula is not neutralised: \(text)")
            let cells = text.split(whereSeparator: { $0 == "," || $0 == "\n" }).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            #expect(!cells.contains { $0.hasPrefix("=") }, "a cell starts with =: \(text)")
        }

        /// A reflection older than `retention_days` is gone from the database file and its log.
        func checkRetentionErasesTheFile(_ cohort: CohortScenario, student: TestUser, room: String) async throws {
            let id = try await student.send(Self.laterText, in: room)
            _ = try await Polling.until("the ✅ on the later reflection", timeout: Polling.patience) {
                try await student.reactions(on: id, in: room, from: cohort.bot.userID, key: "✅").isEmpty ? nil : true
            }
            try await cohort.bot.kill9AndWait()
            let path = cohort.bot.databaseURL.path
            #expect(try Self.databaseBytes(path).range(of: Data(Self.laterText.utf8)) != nil, "the text never reached the file")
            // The bot's clock cannot be moved: the reflection is aged in the file instead.
            _ = try await Shell.check(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", """
                import sqlite3, sys
                db = sqlite3.connect(sys.argv[1])
                db.execute("UPDATE reflection SET createdAt = '2020-01-01 00:00:00.000'")
                db.commit()
                db.close()
                """, path])
            var config = try String(contentsOf: cohort.bot.configURL, encoding: .utf8)
            config += "retention_days: 1\n"
            try config.write(to: cohort.bot.configURL, atomically: true, encoding: .utf8)
            try cohort.bot.start()
            _ = try await Polling.until("the text gone from the database files", timeout: Polling.patience) {
                try cohort.bot.checkAlive()
                return try Self.databaseBytes(path).range(of: Data(Self.laterText.utf8)) == nil ? true : nil
            }
            try cohort.bot.checkAlive()
        }

        static func databaseBytes(_ path: String) throws -> Data {
            var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            if let wal = try? Data(contentsOf: URL(fileURLWithPath: path + "-wal")) { bytes += wal }
            return bytes
        }
    }
}
