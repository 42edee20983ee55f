import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

extension CommandHandlers {
    /// The groups family's commands, each to its handler.
    func run(_ command: GroupsCommand, _ request: CommandRequest) throws -> BotMessage {
        switch command {
        case .groupsPlan(let size, let seed): try planGroups(size: size, seed: seed, request)
        case .groupsCreate: try createGroups(request)
        case .groups: try listGroups(request)
        case .groupMove(let userID, let group): try move(userID, to: group, request)
        }
    }

    func planGroups(size: Int?, seed: UInt64?, _ request: CommandRequest) throws -> BotMessage {
        let students = try writer.roster.all().map(\.student)
        guard !students.isEmpty else { return request.say.groups.emptyRoster() }
        let proposal = GroupFormation.plan(students: students, size: size ?? context.config.groupSize,
                                           seed: seed ?? UInt64.random(in: 1...999_999), history: try pairHistory())
        let json = String(decoding: try JSONEncoder().encode(proposal), as: UTF8.self)
        try writer.groups.saveProposal(json: json, createdBy: request.sender, at: context.now)
        return request.say.groups.groupProposal(proposal, students: students)
    }

    func pairHistory() throws -> [StudentPair: Int] {
        var history: [StudentPair: Int] = [:]
        for (first, second, count) in try writer.groups.pairCounts() {
            history[StudentPair(first, second)] = count
        }
        return history
    }

    /// `!groups create`: reads the latest proposal and the roster, lets `GroupCreation` decide,
    /// and applies its effects in order, mapping each group's place to the id the store gives it.
    func createGroups(_ request: CommandRequest) throws -> BotMessage {
        let stored = try writer.groups.latestProposal()
        let latest = try stored.map { stored -> GroupCreation.Latest in
            guard stored.consumedAt == nil else { return .consumed }
            return .open(try JSONDecoder().decode(GroupProposal.self, from: Data(stored.proposalJSON.utf8)))
        }
        var roster: [String: Student] = [:]
        for record in try writer.roster.all() { roster[record.userID] = record.student }
        let decision = GroupCreation.decide(latest, roster: roster, now: context.now, timeZone: context.config.timeZone,
                                            welcome: Texts(context.config.language, prefix: request.prefix), say: request.say)
        guard let stored, !decision.effects.isEmpty else { return decision.reply }
        var records: [StudyGroupRecord] = []
        let before = try writer.outbox.lastID()
        let ref = { (index: Int) in RoomRef.group(records[index].id).string }
        for effect in decision.effects {
            switch effect {
            case .createGroups(let groups):
                records = try writer.groups.create(groups.map { ($0.name, $0.members) }, at: context.now)
            case .consumeProposal:
                try writer.groups.consumeProposal(id: stored.id, at: context.now)
            case .createRoom(let index, let name, let topic, let students):
                let body = RoomRequests.group(name: name, topic: topic, students: students, config: context.config, ref: ref(index))
                try writer.outbox.enqueue(.createRoom(ref: ref(index), requestJSON: body.jsonString()))
            case .welcomeGroup(let index, let message, let mentions):
                try writer.enqueue(message, to: ref(index), mentions: mentions)
            case .welcomeStudent(let student, let message):
                let roomID = try DirectRooms(writer: writer, config: context.config).room(for: student.userID)
                try writer.enqueue(message.addressing(userID: student.userID, name: student.name), to: roomID, mention: student.userID)
            case .startProgress:
                try startProgress(after: before, request)
            }
        }
        return decision.reply
    }

    /// The rooms, invites and welcomes just queued become one batch whose progress one message
    /// in the supervisor's room shows; they go behind answers to commands.
    private func startProgress(after before: Int64, _ request: CommandRequest) throws {
        let last = try writer.outbox.lastID()
        guard last > before else { return }
        let counts = try writer.outbox.counts(rows: before + 1, through: last)
        let progress = BulkProgress(done: 0, failed: 0, left: counts.pending, creationsLeft: counts.pendingCreations, elapsed: 0, secondsPerCreation: nil)
        let message = try writer.enqueue(request.say.delivery.bulkProgress(progress), to: request.room.roomID)
        try writer.outbox.startBatch(rows: before + 1, through: last, progressOutboxID: message.id, roomID: request.room.roomID,
                                     language: request.language, at: context.now)
    }

    /// `!group move`: reads the student and both groups, lets `GroupMove` decide, then moves them.
    func move(_ userID: String, to groupName: String, _ request: CommandRequest) throws -> BotMessage {
        let student = try writer.roster.find(userID: userID)?.student
        let target = try writer.groups.active(named: groupName)
        let current = try writer.groups.active(ofStudent: userID)
        let decision = GroupMove.decide(userID, student: student, to: groupName, target: target?.name,
                                        current: current.map { .init(isTarget: $0.id == target?.id, hasRoom: $0.roomID != nil) },
                                        say: request.say)
        for effect in decision.effects {
            guard let target, let current else { break }
            switch effect {
            case .move:
                try writer.groups.moveStudent(userID, toGroup: target.id)
            case .inviteToTarget:
                try writer.outbox.enqueue(.invite(roomID: lookup.room(of: target), userID: userID))
            case .removeFromCurrent(let reason):
                guard let oldRoom = current.roomID else { continue }
                try writer.outbox.enqueue(.kick(roomID: oldRoom, userID: userID, reason: reason))
            }
        }
        return decision.reply
    }

    /// `!groups`.
    func listGroups(_ request: CommandRequest) throws -> BotMessage {
        request.say.groups.groupsOverview(try groupViews())
    }

    func groupViews() throws -> [GroupView] {
        var roster: [String: Student] = [:]
        for record in try writer.roster.all() { roster[record.userID] = record.student }
        return try writer.groups.active().map { group in
            let members = try writer.groups.members(ofGroup: group.id).compactMap { member in
                roster[member.userID].map { GroupView.Member(student: $0, joined: member.joinedRoomAt != nil) }
            }
            return GroupView(name: group.name, roomID: group.roomID, members: members)
        }
    }
}
