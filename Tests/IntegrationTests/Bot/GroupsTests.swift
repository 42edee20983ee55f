import Foundation
import Testing

extension BotEngineTests {
    /// Roster import, group formation and group rooms, as the supervisor and the students see them.
    @Suite("Diverse groups")
    struct Groups {
        /// Long enough for the bot to make eight rooms and the students to join them while other
        /// tests make theirs on the same Synapse and cores: only the student who stays away is late.
        /// With the whole suite running on two slow cores, other tests' groups took 280–310 s to be
        /// made and joined, and joins past a 150 s grace were (rightly) reported.
        static let joinGrace: TimeInterval = 450

        @Test("roster upload, a refused broken file, plan, create, rooms, join alerts, no second create")
        func rosterToGroupRooms() async throws {
            let began = ContinuousClock.now
            let cohort = try await CohortScenario.start(extra: ["join_grace": "\(Int(Self.joinGrace))s"], label: "groups")
            defer { cohort.bot.kill9() }

            try await importRoster(cohort)
            try await refuseBrokenRoster(cohort)
            let proposal = try await cohort.command("!grupper planlæg size=3 seed=7").reply
            #expect(proposal.peerbotKind == "group_proposal", "the plan was answered with \(proposal)")
            for student in cohort.students {
                #expect(proposal.body.contains(cohort.name(of: student)), "the proposal leaves out \(cohort.name(of: student))")
            }

            let createdAt = Date()
            let created = try await cohort.command("!grupper opret").reply
            #expect(created.peerbotKind == "groups_created", "!grupper opret was answered with \(created)")
            // Everyone but the last student accepts at once, well inside join_grace.
            let late = cohort.students[cohort.students.count - 1]
            let prompt = cohort.students.filter { $0.userID != late.userID }
            async let found = cohort.groupRooms(count: 2)
            let directRooms = try await cohort.acceptInvites(of: prompt)
            let rooms = try await found
            #expect(rooms.map(\.name) == ["A", "B"], "group rooms: \(rooms.map(\.name))")

            try await checkGroupRooms(rooms, cohort: cohort, proposal: proposal)
            try await checkDirectRooms(directRooms, rooms: rooms, cohort: cohort)
            try await studentCannotCreate(cohort, rooms: rooms, student: prompt[0])
            try await checkJoinAlerts(cohort, rooms: rooms, late: late, joined: prompt, createdAt: createdAt)
            try await secondCreateConflicts(cohort)
            print("groups test took \(ContinuousClock.now - began)")
        }

        private func importRoster(_ cohort: CohortScenario) async throws {
            let upload = try await cohort.uploadRoster(cohort.rosterCSV())
            #expect(upload.reply.msgtype == "m.notice")
            #expect(upload.reply.peerbotKind == "roster", "the roster file was answered with \(upload.reply)")
            #expect(upload.reply.body.contains("6"), "the roster answer does not say 6: \(upload.reply.body)")
        }

        /// A file with one bad id line is refused whole: the answer names that line, the roster stays as it was.
        private func refuseBrokenRoster(_ cohort: CohortScenario) async throws {
            let anna = cohort.students[0]
            let newcomer = "@karl-\(RandomName.suffix()):localhost"
            let broken = [
                "matrix_id,name,strengths,background,style",
                "\(anna.userID),Anna Hansen,kommunikation,jordemoder,visuel",
                "\(newcomer),Karl Nybo,akut,sygeplejerske,verbal",
                "ikke-et-matrix-id,Bo Forkert,medicin,fysioterapeut,verbal",
            ].joined(separator: "\n") + "\n"
            let upload = try await cohort.uploadRoster(broken, filename: "holdliste-rettet.csv")
            let answer = upload.reply
            #expect(answer.peerbotKind == "error", "the broken file was answered with \(answer)")
            #expect(answer.peerbotError == "bad_arguments")
            #expect(answer.body.contains("ikke-et-matrix-id"), "the answer does not show the bad id: \(answer.body)")
            #expect(mentionsLine(4, in: answer.body), "the answer does not name line 4: \(answer.body)")
            for good in [2, 3] {
                #expect(!mentionsLine(good, in: answer.body), "good line \(good) is called bad: \(answer.body)")
            }

            let listing = try await cohort.command("!studerende").reply
            #expect(listing.peerbotKind == "roster", "!studerende was answered with \(listing)")
            #expect(listing.body.contains("6"), "the roster listing does not say 6: \(listing.body)")
            for student in cohort.students {
                #expect(listing.body.contains(student.userID), "\(student.userID) is missing from the roster")
                #expect(listing.body.contains(cohort.name(of: student)), "\(cohort.name(of: student)) is not shown as written")
            }
            for leftOut in ["Karl Nybo", newcomer, "ikke-et-matrix-id", "Bo Forkert", "jordemoder"] {
                #expect(!listing.body.contains(leftOut), "the refused file changed the roster: \(leftOut) in \(listing.body)")
            }
        }

        private func mentionsLine(_ number: Int, in text: String) -> Bool {
            text.range(of: "(?i)\\b(linje|line) \(number)\\b", options: .regularExpression) != nil
        }
    }
}
