import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

extension CommandHandlers {
    /// The goals a student confirms: the next session of their group whose goals are posted.
    func understood(_ request: CommandRequest) throws -> BotMessage {
        let group = try contextGroup(request)
        guard let record = try writer.sessions.next(ofGroup: group.id, after: context.now), record.goalsOutboxID != nil else {
            return Texts.noSuchSession(number: nil, language: request.language, prefix: request.prefix)
        }
        try writer.participation.confirm(record.number, userID: request.sender, version: record.goalsVersion, at: context.now, reactionEventID: nil)
        let name = try writer.roster.find(userID: request.sender)?.name ?? request.sender
        return Texts.understoodAck(name: name, plan: try lookup.plan(record), language: request.language)
    }

    func question(_ text: String, _ request: CommandRequest) throws -> BotMessage {
        let group = try? contextGroup(request)
        let record = try group.flatMap { try writer.sessions.next(ofGroup: $0.id, after: context.now) }
        try writer.participation.addQuestion(sessionNumber: record?.number, groupID: group?.id, userID: request.sender, text: text, at: context.now)
        if let supervisorRoom = try writer.rooms.supervisor() {
            let name = try writer.roster.find(userID: request.sender)?.name ?? request.sender
            let forwarded = Texts.questionToSupervisors(studentName: name, userID: request.sender, group: group?.name,
                                                        plan: try record.map(lookup.plan), text: text,
                                                        language: context.language(of: supervisorRoom))
            try writer.enqueue(forwarded, to: supervisorRoom.roomID, mentions: context.config.supervisors)
        }
        return Texts.questionForwarded(language: request.language)
    }

    /// `!ready` and `!notready`.
    func setReady(_ userID: String, _ ready: Bool, _ request: CommandRequest) throws -> BotMessage {
        guard let student = try writer.roster.find(userID: userID) else { return Texts.studentNotFound(userID: userID, language: request.language) }
        try writer.participation.setReady(userID, ready, at: context.now)
        return Texts.readyChanged(name: student.name, ready: ready, language: request.language)
    }

    func facilitator(_ target: FacilitatorTarget?, _ request: CommandRequest) throws -> BotMessage {
        if target != nil && request.role != .supervisor {
            return Texts.forbidden(.facilitator, prefix: request.prefix, language: request.language)
        }
        var group = try? contextGroup(request)
        if case .user(let userID) = target {
            guard let own = try writer.groups.active(ofStudent: userID) else { return Texts.notInAnyGroup(userID, language: request.language) }
            group = own
        }
        guard let group else { return Texts.noGroupHere(language: request.language) }
        guard let record = try writer.sessions.next(ofGroup: group.id, after: context.now) else {
            return Texts.facilitatorAnswer(nil, choice: .supervisor, names: [:], language: request.language)
        }
        switch target {
        case .user(let userID): try writer.sessions.setFacilitatorOverride(record.number, userID)
        case .me: try writer.sessions.setFacilitatorOverride(record.number, SessionLookup.supervisor)
        case nil: break
        }
        let current = try writer.sessions.find(number: record.number) ?? record
        return Texts.facilitatorAnswer(try lookup.plan(current), choice: try lookup.facilitator(of: current),
                                       names: try lookup.names(), language: request.language)
    }

    func absent(_ ref: SessionRef, user: String?, _ request: CommandRequest) throws -> BotMessage {
        let userID = user ?? request.sender
        if userID != request.sender && request.role != .supervisor {
            return Texts.forbidden(.absent, prefix: request.prefix, language: request.language)
        }
        guard let student = try writer.roster.find(userID: userID) else { return Texts.studentNotFound(userID: userID, language: request.language) }
        let record: SessionRecord
        if case .next = ref, let group = try writer.groups.active(ofStudent: userID) {
            guard let next = try writer.sessions.next(ofGroup: group.id, after: context.now) else {
                return Texts.noSuchSession(number: nil, language: request.language, prefix: request.prefix)
            }
            record = next
        } else {
            record = try session(ref, request)
        }
        try writer.participation.markAbsent(record.number, userID: userID, at: context.now)
        return Texts.absentNoted(name: student.name, plan: try lookup.plan(record), language: request.language)
    }
}
