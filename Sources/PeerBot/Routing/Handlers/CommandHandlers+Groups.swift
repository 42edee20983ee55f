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

    func createGroups(_ request: CommandRequest) throws -> BotMessage {
        guard let stored = try writer.groups.latestProposal() else { return request.say.groups.noProposal() }
        guard stored.consumedAt == nil else { return request.say.groups.proposalAlreadyCreated() }
        let proposal = try JSONDecoder().decode(GroupProposal.self, from: Data(stored.proposalJSON.utf8))
        var roster: [String: Student] = [:]
        for record in try writer.roster.all() { roster[record.userID] = record.student }
        guard proposal.groups.allSatisfy({ $0.members.allSatisfy { roster[$0] != nil } }) else {
            return request.say.groups.proposalOutdated()
        }
        let records = try writer.groups.create(proposal.groups.map { ($0.name, $0.members) }, at: context.now)
        try writer.groups.consumeProposal(id: stored.id, at: context.now)
        let roomLanguage = context.config.language
        let cohort = CohortNaming.cohort(at: context.now, timeZone: context.config.timeZone, language: roomLanguage)
        var views: [GroupView] = []
        let before = try writer.outbox.lastID()
        for (record, planned) in zip(records, proposal.groups) {
            let view = GroupView(name: record.name, roomID: nil, members: planned.members.compactMap { roster[$0] }.map { .init(student: $0, joined: false) })
            views.append(view)
            let ref = RoomRef.group(record.id).string
            let body = RoomRequests.group(name: CohortNaming.groupRoomName(cohort: cohort, group: record.name, language: roomLanguage),
                                          topic: CohortNaming.groupRoomTopic(nextSession: nil, language: roomLanguage),
                                          students: planned.members, config: context.config, ref: ref)
            try writer.outbox.enqueue(.createRoom(ref: ref, requestJSON: body.jsonString()))
            try writer.enqueue(Texts(roomLanguage, prefix: request.prefix).groups.groupWelcome(view), to: ref, mentions: planned.members)
            for member in view.members {
                try welcome(member.student, group: record.name, prefix: request.prefix)
            }
        }
        try startProgress(after: before, request)
        return request.say.groups.groupsCreated(views)
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

    /// A welcome in the student's direct room, which is created first when there is none.
    private func welcome(_ student: Student, group: String, prefix: String) throws {
        let language = context.config.language
        let roomID = try DirectRooms(writer: writer, config: context.config).room(for: student.userID)
        let message = Texts(language, prefix: prefix).groups.studentWelcome(name: student.name, group: group)
        try writer.enqueue(message.addressing(userID: student.userID, name: student.name), to: roomID, mention: student.userID)
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
