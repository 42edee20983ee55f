import Foundation
import Testing

extension BotEngineTests {
    @Suite("Bulk room creation under Synapse's default limits")
    struct BulkCreation {
        /// 8 students in groups of 2: 4 group rooms and 8 direct rooms, with the supervisor room 13
        /// creations — 3 beyond Synapse's burst of 10, so about 3 minutes at one per 62.5 s.
        static let students = 8
        static let groupSize = 2

        @Test("!groups create: !help answered within seconds meanwhile, a SIGKILL in the middle, every room made once, the progress message reaching its end")
        func groupsCreateUnderDefaultLimits() async throws {
            let port = try TestEnvironment.current().extraPort(4)
            try await Homeserver.withInstance(name: "defaults", port: port, defaultLimits: true) { server in
                let cohort = try await CohortScenario.start(studentCount: Self.students, extra: [:], label: "bulk-create", on: server)
                defer { cohort.bot.kill9() }
                let roster = try await cohort.uploadRoster(cohort.rosterCSV())
                #expect(roster.reply.peerbotKind == "roster")
                _ = try await cohort.command("!groups plan size=\(Self.groupSize) seed=7")
                let started = ContinuousClock.now
                let create = try await cohort.command("!groups create", timeout: Polling.patience)
                #expect(create.reply.peerbotKind == "groups_created")

                // An answer goes ahead of the bulk work still queued.
                let asked = ContinuousClock.now
                let help = try await cohort.command("!help", timeout: Polling.patience)
                let waited = asked.duration(to: .now)
                #expect(help.reply.peerbotKind == "help")
                // Behind the bulk work, the answer would wait at least one of Synapse's room-creation
                // slots (62.5 s); the bound is that slot, not a guess at how fast busy cores answer.
                #expect(waited < .seconds(62), "!help waited \(waited) behind the room creation")
                let progress = try await cohort.botMessage("the progress message", in: cohort.supervisorRoom, seenBy: cohort.supervisor) {
                    $0.peerbotKind == "progress"
                }
                #expect(try await !Self.finished(cohort, progress: progress.eventID), "creation was over before the kill")

                try await cohort.bot.restart()

                _ = try await Polling.until("the progress message's last edit", timeout: .seconds(900), interval: .seconds(5)) {
                    try cohort.bot.checkAlive()
                    return try await Self.finished(cohort, progress: progress.eventID) ? true : nil
                }
                print("bulk creation: done after \(started.duration(to: .now))")
                try await Self.expectEveryRoomOnce(cohort)
            }
        }

        /// Whether an edit of the progress message says the rooms are ready.
        static func finished(_ cohort: CohortScenario, progress: String) async throws -> Bool {
            let edits = try await cohort.supervisor.messages(in: cohort.supervisorRoom, from: cohort.bot.userID).filter { $0.replaces == progress }
            return edits.contains { edit in
                let body = edit.content["m.new_content"]?["body"]?.string ?? ""
                return body.hasPrefix("Grupperummene er klar") || body.hasPrefix("The group rooms are ready")
            }
        }

        /// The bot's joined rooms, by the marker each carries: one supervisor room, one room per
        /// group and one direct room per student — none made twice, however the kill fell.
        static func expectEveryRoomOnce(_ cohort: CohortScenario) async throws {
            let joined = try await cohort.bot.account.call(.get, "/_matrix/client/v3/joined_rooms")["joined_rooms"]?.array ?? []
            var kinds: [String: Int] = [:]
            var refs: [String: Int] = [:]
            for room in joined.compactMap(\.string) {
                let marker = try await cohort.bot.account.state("org.peerbot.room", in: room)
                kinds[marker?["kind"]?.string ?? "unmarked", default: 0] += 1
                if let ref = marker?["ref"]?.string { refs[ref, default: 0] += 1 }
            }
            #expect(kinds["supervisor"] == 1)
            #expect(kinds["group"] == Self.students / Self.groupSize, "rooms by kind: \(kinds)")
            #expect(kinds["direct"] == Self.students, "rooms by kind: \(kinds)")
            #expect(refs.values.allSatisfy { $0 == 1 }, "a room was made twice: \(refs.filter { $0.value > 1 })")
        }
    }
}
