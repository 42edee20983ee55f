import Foundation
import PeerBotStore
import PeerLearning

extension CommandHandlers {
    /// The reporting family's commands, each to its handler.
    func run(_ command: ReportingCommand, _ request: CommandRequest) throws -> BotMessage {
        switch command {
        case .summary(let group, let session): try refusable { try summary(group, session, request) }
        case .remind(let group): try refusable { try remind(group, request) }
        case .export(let group): try refusable { try export(group, request) }
        }
    }

    /// The summary of the named session, or of the group's latest session that has ended.
    func summary(_ groupRef: GroupRef, _ sessionRef: SessionRef, _ request: CommandRequest) throws -> BotMessage {
        let group = try groups(groupRef, request).first
        let record: SessionRecord?
        if case .number(let number) = sessionRef {
            record = try writer.sessions.find(number: Int64(number))
        } else {
            record = try group.flatMap { try writer.sessions.all(ofGroup: $0.id).last { $0.cancelledAt == nil && $0.startsAt <= context.now } }
        }
        guard let record else { return request.say.sessions.noSuchSession(number: nil) }
        let (summary, names) = try SessionSummaryBuilder(reader: writer).summary(of: record)
        return request.say.summary.summary(summary, names: names, timeZone: context.config.timeZone)
    }

    /// Nudges, in their direct rooms, everyone with an open confirmation or reflection: reads
    /// what each member owes, lets `Reminders` decide, then sends the nudges.
    func remind(_ groupRef: GroupRef, _ request: CommandRequest) throws -> BotMessage {
        let facts = try groups(groupRef, request).map { group in
            let open = try openItems(of: group)
            return Reminders.Group(name: group.name, members: try writer.groups.members(ofGroup: group.id).map { member in
                let items = open[member.userID] ?? []
                let name = items.isEmpty ? member.userID : try writer.roster.find(userID: member.userID)?.name ?? member.userID
                return Reminders.Member(userID: member.userID, name: name, open: items)
            })
        }
        var named = false
        if case .named = groupRef { named = true }
        let decision = Reminders.decide(facts, named: named, notice: Texts(context.config.language, prefix: request.prefix), say: request.say)
        for effect in decision.effects {
            switch effect {
            case .nudge(let userID, let nudge):
                try writer.enqueue(nudge, to: try DirectRooms(writer: writer, config: context.config).room(for: userID), mention: userID)
            }
        }
        return decision.reply
    }

    /// What each member of a group still owes: the next goals' confirmation, the latest reflection,
    /// ratings in an open peer-assessment round.
    func openItems(of group: StudyGroupRecord) throws -> [String: [OpenItem]] {
        var open: [String: [OpenItem]] = [:]
        let members = try writer.groups.members(ofGroup: group.id).map(\.userID)
        if let next = try writer.sessions.next(ofGroup: group.id, after: context.now), next.goalsOutboxID != nil {
            let confirmed = try lookup.confirmedStudents(next)
            let plan = try lookup.plan(next)
            for userID in members where !confirmed.contains(userID) { open[userID, default: []].append(.confirmGoals(plan)) }
        }
        if let round = try writer.reflections.latestRound(ofGroup: group.id), round.summarizedAt == nil,
           let record = try writer.sessions.find(number: round.sessionNumber) {
            let reflected = try writer.reflections.reflectedStudents(session: record.number)
            let absent = try writer.participation.absentees(record.number)
            let plan = try lookup.plan(record)
            for userID in members where !reflected.contains(userID) && !absent.contains(userID) {
                open[userID, default: []].append(.reflect(plan))
            }
        }
        if let round = try writer.assessment.openRound(ofGroup: group.id) {
            let waiting = Set(try writer.assessment.assignments(round: round.id).filter { $0.answeredAt == nil }.map(\.rater))
            for userID in members where waiting.contains(userID) { open[userID, default: []].append(.assess(groupName: group.name)) }
        }
        return open
    }

    /// Uploads the export to the supervisor room as CSV files: reads and encodes the export,
    /// lets `ExportDelivery` decide, and queues the files it names.
    func export(_ groupRef: GroupRef, _ request: CommandRequest) throws -> BotMessage {
        var name: String?
        if case .named(let chosen) = groupRef { name = chosen }
        let export = try ExportBuilder(reader: writer).document(group: name).map { document in
            ExportDelivery.Export(files: try CSVText.files(document).map { ExportDelivery.CSVFile(name: $0.name, data: $0.data) },
                                  reflections: document.reflections.count)
        }
        let room = try supervisorRoom ?? writer.rooms.supervisor()
        let decision = ExportDelivery.decide(export, group: name, hasSupervisorRoom: room != nil, say: request.say)
        for effect in decision.effects {
            switch effect {
            case .postToSupervisorRoom(let file):
                if let room { try writer.outbox.enqueue(.sendFile(roomID: room.roomID, fileJSON: OutgoingFile(file).json)) }
            }
        }
        return decision.reply
    }
}
