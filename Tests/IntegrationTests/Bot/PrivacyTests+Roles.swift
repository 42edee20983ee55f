import Foundation
import Testing

extension BotEngineTests.Privacy {
    @Test("roles on Matrix: a supervisor added and removed by SIGHUP, a student removed after a closed round, a lost room regained")
    func rolesFollowTheConfigurationAndRoster() async throws {
        let cohort = try await CohortScenario.start(studentCount: 3, extra: Self.config, label: "roles")
        defer { cohort.bot.kill9() }
        let formed = try await cohort.formGroups(size: 3, seed: 1)
        let group = try #require(formed.rooms.first)
        try await checkSupervisorReload(cohort, group: group)
        let scores = try await closeARound(cohort, group: group, directRooms: formed.directRooms)
        try await checkStudentRemoval(cohort, group: group, student: cohort.students[1], scores: scores)
        try await checkLostRoom(cohort)
    }

    /// In room version 12 nobody can kick the bot from a room it made (it is the creator), so a
    /// room a supervisor made and invited it to is where it can be lost: the supervisor room
    /// hears of the kick, and the bot comes back when invited again and answers there.
    func checkLostRoom(_ cohort: CohortScenario) async throws {
        let refused = try await Self.refusal {
            _ = try await cohort.supervisor.call(.post, "/_matrix/client/v3/rooms/\(MatrixHTTP.segment(cohort.supervisorRoom))/kick",
                                                 body: ["user_id": .string(cohort.bot.userID), "reason": "test"])
        }
        #expect(refused == 403, "the bot could be kicked from a room it made: \(refused.map(String.init) ?? "success")")
        let roomID = try await cohort.supervisor.createRoom(name: "afdelingsmøde", invite: [cohort.bot.userID])
        try await cohort.supervisor.waitForMembership(of: cohort.bot.userID, in: roomID, timeout: Polling.patience, check: cohort.bot.checkAlive)
        _ = try await cohort.command("!hjælp", in: roomID)
        _ = try await cohort.supervisor.call(.post, "/_matrix/client/v3/rooms/\(MatrixHTTP.segment(roomID))/kick",
                                             body: ["user_id": .string(cohort.bot.userID), "reason": "test"])
        let alert = try await cohort.botMessage("an alert about the lost room", in: cohort.supervisorRoom, seenBy: cohort.supervisor) {
            $0.peerbotKind == "alert" && $0.body.contains(roomID) && $0.body.contains(cohort.supervisor.userID)
        }
        #expect(!alert.body.isEmpty)
        try await cohort.supervisor.invite(cohort.bot.userID, to: roomID)
        try await cohort.supervisor.waitForMembership(of: cohort.bot.userID, in: roomID, timeout: Polling.patience, check: cohort.bot.checkAlive)
        let help = try await cohort.command("!hjælp", in: roomID).reply
        #expect(help.peerbotKind == "help", "after rejoining, !hjælp was answered with \(help)")
    }

    /// Rewrites the configured supervisor list and sends SIGHUP.
    func reload(_ cohort: CohortScenario, supervisors: [String]) async throws {
        try cohort.bot.setSupervisors(supervisors)
        let before = cohort.bot.log.components(separatedBy: "configuration reloaded").count
        kill(cohort.bot.pid, SIGHUP)
        _ = try await Polling.until("the reload in the log", timeout: Polling.patience) {
            cohort.bot.log.components(separatedBy: "configuration reloaded").count > before ? true : nil
        }
    }

    /// A new supervisor is invited to the group room with power 100; removed again, they lose it
    /// and are taken out of the supervisor room.
    func checkSupervisorReload(_ cohort: CohortScenario, group: GroupRoom) async throws {
        let colleague = try await TestUser.register(on: cohort.server, prefix: "supervisor2")
        try await reload(cohort, supervisors: [cohort.supervisor.userID, colleague.userID])
        let invites = try await colleague.waitForInvites(from: cohort.bot.userID, count: 2, timeout: Polling.patience, check: cohort.bot.checkAlive)
        #expect(Set(invites.map(\.roomID)) == [cohort.supervisorRoom, group.roomID], "invites: \(invites.map(\.roomID))")
        for invite in invites { try await colleague.join(invite.roomID) }
        _ = try await Polling.until("power for the new supervisor", timeout: Polling.patience) {
            let power = try await cohort.supervisor.state("m.room.power_levels", in: group.roomID)
            return power?["users"]?[colleague.userID]?.int == 100 ? true : nil
        }

        try await reload(cohort, supervisors: [cohort.supervisor.userID])
        _ = try await Polling.until("the removed supervisor's power gone", timeout: Polling.patience) {
            let power = try await cohort.supervisor.state("m.room.power_levels", in: group.roomID)
            return power?["users"]?[colleague.userID] == nil && power?["users"]?[cohort.supervisor.userID]?.int == 100 ? true : nil
        }
        try await cohort.supervisor.waitForMembership(of: colleague.userID, in: cohort.supervisorRoom, toBe: "leave",
                                                      timeout: Polling.patience, check: cohort.bot.checkAlive)
        let refused = try await Self.refusal { try await colleague.invite(cohort.students[0].userID, to: group.roomID) }
        #expect(refused == 403, "the removed supervisor could still invite: \(refused.map(String.init) ?? "success")")
    }

    /// `!evaluer`, every student rates both peers, and the round's scores reach the supervisor room.
    func closeARound(_ cohort: CohortScenario, group: GroupRoom, directRooms: [String: String]) async throws -> [String: String] {
        let started = try await cohort.command("!evaluer \(group.name)").reply
        #expect(started.peerbotError == nil, "!evaluer answered \(started)")
        let top = cohort.students[0].userID
        for rater in cohort.students {
            let room = try #require(directRooms[rater.userID])
            var asked: Set<String> = []
            for position in 1...2 {
                let seen = asked
                let request = try await cohort.botMessage("request \(position) to \(rater.userID)", in: room, seenBy: rater) {
                    $0.peerbotKind == "assessment_request" && $0.peerbotSubject.map { !seen.contains($0) } == true
                }
                let subject = request.peerbotSubject ?? ""
                asked.insert(subject)
                _ = try await cohort.command(subject == top ? "5 5 5 5 5 god leder" : "3 3 3 3 3", by: rater, in: room)
            }
        }
        let result = try await cohort.botMessage("the round's scores", in: cohort.supervisorRoom, seenBy: cohort.supervisor,
                                                 timeout: Polling.patience) { $0.peerbotKind == "assessment_result" }
        let scores = try #require(result.peerbotScores)
        #expect(scores.count == 3, "scores: \(scores)")
        return scores
    }

    /// `!student remove` kicks the student from the group room; the export still carries the
    /// closed round's scores as they were reported.
    func checkStudentRemoval(_ cohort: CohortScenario, group: GroupRoom, student: TestUser, scores: [String: String]) async throws {
        let removed = try await cohort.command("!student remove \(student.userID)").reply
        #expect(removed.peerbotError == nil, "!student remove answered \(removed)")
        try await cohort.supervisor.waitForMembership(of: student.userID, in: group.roomID, toBe: "leave",
                                                      timeout: Polling.patience, check: cohort.bot.checkAlive)
        let kick = try await cohort.supervisor.history(of: group.roomID).last {
            $0.type == "m.room.member" && $0.stateKey == student.userID
        }
        #expect(kick?.sender == cohort.bot.userID && kick?.content["reason"]?.string?.isEmpty == false, "the removal: \(kick.map(\.description) ?? "none")")
        let asked = try await cohort.command("!eksport").reply
        #expect(asked.peerbotError == nil, "!eksport answered \(asked)")
        let file = try await cohort.botMessage("assessments.csv", in: cohort.supervisorRoom, seenBy: cohort.supervisor) {
            $0.msgtype == "m.file" && ($0.content["filename"]?.string ?? $0.body) == "assessments.csv"
        }
        let text = String(decoding: try await cohort.supervisor.download(try #require(file.content["url"]?.string)).data, as: UTF8.self)
        for (userID, score) in scores {
            let line = text.split(separator: "\n").first { $0.contains("," + userID + ",") }
            #expect(line?.contains("," + score + ",") == true, "\(userID) should still score \(score): \(text)")
        }
    }
}
