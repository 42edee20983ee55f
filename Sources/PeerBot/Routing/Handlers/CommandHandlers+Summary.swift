import Foundation
import PeerBotStore
import PeerLearning

extension CommandHandlers {
    /// The summary of the named session, or of the group's latest session that has ended.
    func summary(_ groupRef: GroupRef, _ sessionRef: SessionRef, _ request: CommandRequest) throws -> BotMessage {
        let group = try groups(groupRef, request).first
        let record: SessionRecord?
        if case .number(let number) = sessionRef {
            record = try writer.sessions.find(number: Int64(number))
        } else {
            record = try group.flatMap { try writer.sessions.all(ofGroup: $0.id).last { $0.cancelledAt == nil && $0.startsAt <= context.now } }
        }
        guard let record else { return Texts.noSuchSession(number: nil, language: request.language, prefix: request.prefix) }
        let (summary, names) = try SessionSummaryBuilder(reader: writer).summary(of: record)
        return Texts.summary(summary, names: names, timeZone: context.config.timeZone, language: request.language)
    }

    /// Nudges, in their direct rooms, everyone with an open confirmation or reflection.
    func remind(_ groupRef: GroupRef, _ request: CommandRequest) throws -> BotMessage {
        var nudged = 0
        var label = "all"
        for group in try groups(groupRef, request) {
            if case .named = groupRef { label = group.name }
            let open = try openItems(of: group)
            for member in try writer.groups.members(ofGroup: group.id) {
                guard let items = open[member.userID], !items.isEmpty else { continue }
                let name = try writer.roster.find(userID: member.userID)?.name ?? member.userID
                let room = try DirectRooms(writer: writer, config: context.config).room(for: member.userID)
                let nudge = Texts.nudge(name: name, openItems: items, language: context.config.language, prefix: request.prefix)
                try writer.enqueue(nudge, to: room, mention: member.userID)
                nudged += 1
            }
        }
        return Texts.remindersSent(count: nudged, group: label, language: request.language)
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

    /// Uploads the export to the supervisor room as CSV files.
    func export(_ groupRef: GroupRef, _ request: CommandRequest) throws -> BotMessage {
        var name: String?
        if case .named(let chosen) = groupRef { name = chosen }
        guard let document = try ExportBuilder(reader: writer).document(group: name) else {
            return Texts.groupNotFound(name ?? "", language: request.language)
        }
        guard let room = try writer.rooms.supervisor() else { return Texts.noGroupHere(language: request.language) }
        let files = try CSVText.files(document)
        for file in files {
            let caption = Texts.exportFile(name: file.name, language: request.language)
            let outgoing = OutgoingFile(filename: file.name, mimetype: "text/csv", bytes: file.data, message: caption)
            try writer.outbox.enqueue(.sendFile(roomID: room.roomID, fileJSON: outgoing.json))
        }
        return Texts.exportQueued(files: files.map(\.name), reflections: document.reflections.count, language: request.language)
    }
}
