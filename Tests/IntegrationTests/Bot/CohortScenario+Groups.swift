import Foundation
import Testing

/// A group room the bot made, as the supervisor found it after `!groups create`.
struct GroupRoom: Sendable {
    /// The group's name, from the room's welcome (`peerbot.group`).
    let name: String
    let roomID: String
    let welcome: RoomEvent
    /// The students the bot invited to the room.
    let students: [TestUser]
}

/// What `formGroups` made: the group rooms, and each student's direct room with the bot.
struct FormedGroups: Sendable {
    let rooms: [GroupRoom]
    let directRooms: [String: String]

    func room(named name: String) -> GroupRoom? { rooms.first { $0.name == name } }
}

extension CohortScenario {
    /// Uploads the roster file in the supervisor room and waits for the bot's answer to it.
    func uploadRoster(_ csv: String, filename: String = "holdliste.csv") async throws -> (id: String, reply: RoomEvent) {
        let id = try await supervisor.sendFile(csv, filename: filename, in: supervisorRoom)
        return (id, try await reply(to: id, in: supervisorRoom, seenBy: supervisor))
    }

    /// Waits for the supervisor's invites to `count` group rooms, joins them, and reads each
    /// room's marker, welcome and invited students. The deadlines are generous: each room is a
    /// burst of state events, and other tests are making theirs on the same Synapse.
    func groupRooms(count: Int, timeout: Duration = Polling.patience) async throws -> [GroupRoom] {
        let invites = try await supervisor.waitForInvites(
            from: bot.userID, count: count + 1, timeout: timeout, check: bot.checkAlive)
        var rooms: [GroupRoom] = []
        for invite in invites where invite.roomID != supervisorRoom {
            try await supervisor.join(invite.roomID)
            let marker = try await supervisor.state("org.peerbot.room", in: invite.roomID)
            #expect(marker?["kind"]?.string == "group", "room \(invite.roomID) is marked \(marker?.text ?? "not at all")")
            let welcome = try await botMessage("the welcome in \(invite.roomID)", in: invite.roomID, seenBy: supervisor) {
                $0.peerbotKind == "welcome"
            }
            let memberships = try await supervisor.memberships(in: invite.roomID)
            let invited = students.filter { memberships[$0.userID] != nil }
            rooms.append(GroupRoom(name: welcome.peerbotGroup ?? "?", roomID: invite.roomID, welcome: welcome, students: invited))
        }
        return rooms.sorted { $0.name < $1.name }
    }

    /// Each of `joining` waits for its two invites from the bot (group room and direct room)
    /// and accepts both; returns each student's direct room.
    func acceptInvites(of joining: [TestUser], timeout: Duration = Polling.patience) async throws -> [String: String] {
        let bot = self.bot
        return try await withThrowingTaskGroup(of: (String, String?).self) { group in
            for student in joining {
                group.addTask {
                    let invites = try await student.waitForInvites(
                        from: bot.userID, count: 2, timeout: timeout, check: bot.checkAlive)
                    for invite in invites { try await student.join(invite.roomID) }
                    return (student.userID, invites.first { $0.isDirect }?.roomID)
                }
            }
            var direct: [String: String] = [:]
            for try await (userID, roomID) in group { direct[userID] = roomID }
            return direct
        }
    }

    /// Roster upload, `!groups plan`, `!groups create`, and every student joining: groups ready for sessions.
    func formGroups(size: Int, seed: Int) async throws -> FormedGroups {
        let roster = try await uploadRoster(rosterCSV())
        #expect(roster.reply.peerbotKind == "roster", "roster upload answered: \(roster.reply)")
        let plan = try await command("!grupper planlæg size=\(size) seed=\(seed)")
        #expect(plan.reply.peerbotKind == "group_proposal", "plan answered: \(plan.reply)")
        let create = try await command("!grupper opret")
        #expect(create.reply.peerbotKind == "groups_created", "create answered: \(create.reply)")
        let expected = max(1, Int((Double(students.count) / Double(size)).rounded()))
        async let rooms = groupRooms(count: expected)
        let direct = try await acceptInvites(of: students)
        return FormedGroups(rooms: try await rooms, directRooms: direct)
    }
}
