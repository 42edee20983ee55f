import Foundation
import Testing

extension BotEngineTests.Groups {
    /// Two rooms of three, marked as group rooms, room version 12, supervisors at 100, students
    /// at 0, the bot not listed; each welcome names its members, as the proposal grouped them.
    func checkGroupRooms(_ rooms: [GroupRoom], cohort: CohortScenario, proposal: RoomEvent) async throws {
        let everyone = rooms.flatMap { $0.students.map(\.userID) }
        #expect(Set(everyone) == Set(cohort.students.map(\.userID)), "not every student was invited: \(everyone)")
        #expect(everyone.count == cohort.students.count, "a student was invited to two group rooms: \(everyone)")
        let lines = proposal.body.split(separator: "\n").map(String.init)
        for room in rooms {
            #expect(room.students.count == 3, "group \(room.name) has \(room.students.count) students")
            #expect(try await cohort.supervisor.roomVersion(of: room.roomID) == "12")
            let power = try await cohort.supervisor.state("m.room.power_levels", in: room.roomID) ?? .null
            let users = power["users"]?.object ?? [:]
            let studentDefault = power["users_default"]?.int ?? 0
            #expect(users[cohort.supervisor.userID]?.int == 100, "supervisor power in \(room.name): \(power.text)")
            #expect(users[cohort.bot.userID] == nil, "the bot is listed in the power levels: \(power.text)")
            let memberships = try await cohort.supervisor.memberships(in: room.roomID)
            #expect(memberships[cohort.bot.userID] == "join")
            #expect(memberships[cohort.supervisor.userID] == "join")
            let names = room.students.map { cohort.name(of: $0) }
            let line = lines.first { line in line.contains(" \(room.name) ") && names.allSatisfy { line.contains($0) } }
            #expect(line != nil, "group \(room.name) is not grouped as proposed: \(proposal.body)")
            for student in room.students {
                #expect((users[student.userID]?.int ?? studentDefault) == 0, "\(student.userID) has power in \(room.name)")
                #expect(["invite", "join"].contains(memberships[student.userID]), "\(student.userID) in \(room.name)")
                #expect(room.welcome.body.contains(cohort.name(of: student)), "the welcome of \(room.name) leaves out a member")
            }
        }
    }

    /// Each student who joined has a direct room, marked as such, with a welcome naming their group.
    func checkDirectRooms(_ directRooms: [String: String], rooms: [GroupRoom], cohort: CohortScenario) async throws {
        for (userID, roomID) in directRooms.sorted(by: { $0.key < $1.key }) {
            let student = cohort.students.first { $0.userID == userID }!
            let group = rooms.first { $0.students.contains { $0.userID == userID } }
            let marker = try await student.state("org.peerbot.room", in: roomID)
            #expect(marker?["kind"]?.string == "direct", "\(userID)'s direct room is marked \(marker?.text ?? "not at all")")
            let welcome = try await cohort.botMessage("the welcome in \(userID)'s direct room", in: roomID, seenBy: student) {
                $0.peerbotKind == "welcome"
            }
            #expect(welcome.peerbotGroup == group?.name, "welcome to \(userID): \(welcome)")
        }
        #expect(directRooms.count == cohort.students.count - 1)
    }

    func studentCannotCreate(_ cohort: CohortScenario, rooms: [GroupRoom], student: TestUser) async throws {
        let room = rooms.first { $0.students.contains { $0.userID == student.userID } }!
        let refused = try await cohort.command("!grupper opret", by: student, in: room.roomID).reply
        #expect(refused.peerbotKind == "error", "a student's !grupper opret was answered with \(refused)")
        #expect(refused.peerbotError == "forbidden")
    }

    /// After join_grace exactly one alert names the student who stayed away, none names those who
    /// joined; a late join afterwards is noted once more.
    func checkJoinAlerts(
        _ cohort: CohortScenario, rooms: [GroupRoom], late: TestUser, joined: [TestUser], createdAt: Date
    ) async throws {
        let lateID = late.userID
        let group = rooms.first { $0.students.contains { $0.userID == lateID } }!
        let first = try await cohort.botMessage("an alert naming \(lateID)", in: cohort.supervisorRoom, seenBy: cohort.supervisor,
                                                timeout: Polling.patience + .seconds(Self.joinGrace)) {
            $0.peerbotKind == "alert" && $0.body.contains(lateID)
        }
        let sentAt = Date(timeIntervalSince1970: Double(first.originServerTS) / 1000)
        #expect(sentAt.timeIntervalSince(createdAt) >= Self.joinGrace - 1, "alerted \(sentAt.timeIntervalSince(createdAt)) s after create")
        #expect(first.peerbotGroup == group.name)
        try await Task.sleep(for: .seconds(6))
        var alerts = try await cohort.botPosts(in: cohort.supervisorRoom).filter { $0.peerbotKind == "alert" }
        #expect(alerts.filter { $0.body.contains(lateID) }.count == 1, "alerts: \(alerts)")
        for student in joined {
            #expect(!alerts.contains { $0.body.contains(student.userID) }, "\(student.userID) joined but is reported")
        }

        try await late.join(group.roomID)
        let note = try await cohort.botMessage("a note that \(lateID) joined late", in: cohort.supervisorRoom, seenBy: cohort.supervisor) {
            $0.peerbotKind == "alert" && $0.body.contains(lateID) && $0.eventID != first.eventID
        }
        #expect(note.peerbotGroup == group.name)
        try await Task.sleep(for: .seconds(4))
        alerts = try await cohort.botPosts(in: cohort.supervisorRoom).filter { $0.peerbotKind == "alert" }
        #expect(alerts.filter { $0.body.contains(lateID) }.map(\.eventID) == [first.eventID, note.eventID], "alerts: \(alerts)")
    }

    /// A second `!groups create` for the same proposal is a conflict and makes no rooms.
    func secondCreateConflicts(_ cohort: CohortScenario) async throws {
        let invitesBefore = await cohort.supervisor.invitesSeen(from: cohort.bot.userID).count
        let again = try await cohort.command("!grupper opret").reply
        #expect(again.peerbotKind == "error", "the second !grupper opret was answered with \(again)")
        #expect(again.peerbotError == "conflict")
        try await Task.sleep(for: .seconds(5))
        try await cohort.supervisor.sync(timeout: .seconds(1))
        let invitesAfter = await cohort.supervisor.invitesSeen(from: cohort.bot.userID).count
        #expect(invitesBefore == 3)
        #expect(invitesAfter == invitesBefore, "the second create made rooms: \(invitesAfter - invitesBefore) new invites")
    }
}
