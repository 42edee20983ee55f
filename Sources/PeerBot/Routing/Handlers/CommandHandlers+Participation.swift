import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

extension CommandHandlers {
    /// The participation family's commands, each to its handler.
    func run(_ command: ParticipationCommand, _ request: CommandRequest) throws -> BotMessage {
        switch command {
        case .understood: try refusable { try understood(request) }
        case .question(let text): try refusable { try question(text, request) }
        case .ready(let userID): try refusable { try setReady(userID, true, request) }
        case .notReady(let userID): try refusable { try setReady(userID, false, request) }
        case .facilitator(let target): try refusable { try facilitator(target, request) }
        case .absent(let ref, let user): try refusable { try absent(ref, user: user, request) }
        }
    }

    /// The goals a student confirms: the next session of their group whose goals are posted.
    func understood(_ request: CommandRequest) throws -> BotMessage {
        let group = try contextGroup(request)
        guard let record = try writer.sessions.next(ofGroup: group.id, after: context.now), record.goalsOutboxID != nil else {
            return request.say.sessions.noSuchSession(number: nil)
        }
        try writer.participation.confirm(record.number, userID: request.sender, version: record.goalsVersion, at: context.now, reactionEventID: nil)
        let name = try writer.roster.find(userID: request.sender)?.name ?? request.sender
        return request.say.sessions.understoodAck(name: name, plan: try lookup.plan(record))
    }

    func question(_ text: String, _ request: CommandRequest) throws -> BotMessage {
        let group = try? contextGroup(request)
        let record = try group.flatMap { try writer.sessions.next(ofGroup: $0.id, after: context.now) }
        try writer.participation.addQuestion(sessionNumber: record?.number, groupID: group?.id, userID: request.sender, text: text, at: context.now)
        if let supervisorRoom = try writer.rooms.supervisor() {
            let name = try writer.roster.find(userID: request.sender)?.name ?? request.sender
            let forwarded = context.config.texts(context.language(of: supervisorRoom)).sessions.questionToSupervisors(studentName: name, userID: request.sender, group: group?.name,
                                                                                              plan: try record.map(lookup.plan), text: text)
            try writer.enqueue(forwarded, to: supervisorRoom.roomID, mentions: context.config.supervisors)
        }
        return request.say.sessions.questionForwarded()
    }

    /// `!ready` and `!notready`.
    func setReady(_ userID: String, _ ready: Bool, _ request: CommandRequest) throws -> BotMessage {
        guard let student = try writer.roster.find(userID: userID) else { return request.say.roster.studentNotFound(userID: userID) }
        try writer.participation.setReady(userID, ready, at: context.now)
        return request.say.sessions.readyChanged(name: student.name, ready: ready)
    }

    func facilitator(_ target: FacilitatorTarget?, _ request: CommandRequest) throws -> BotMessage {
        if target != nil && request.role != .supervisor {
            return request.say.forbidden(.facilitator)
        }
        var group = try? contextGroup(request)
        if case .user(let userID) = target {
            guard let own = try writer.groups.active(ofStudent: userID) else { return request.say.groups.notInAnyGroup(userID) }
            group = own
        }
        guard let group else { return request.say.sessions.noGroupHere() }
        guard let record = try writer.sessions.next(ofGroup: group.id, after: context.now) else {
            return request.say.sessions.facilitatorAnswer(nil, choice: .supervisor, names: [:])
        }
        switch target {
        case .user(let userID): try writer.sessions.setFacilitatorOverride(record.number, userID)
        case .me: try writer.sessions.setFacilitatorOverride(record.number, SessionLookup.supervisor)
        case nil: break
        }
        let current = try writer.sessions.find(number: record.number) ?? record
        return request.say.sessions.facilitatorAnswer(try lookup.plan(current), choice: try lookup.facilitator(of: current),
                                             names: try lookup.names())
    }

    func absent(_ ref: SessionRef, user: String?, _ request: CommandRequest) throws -> BotMessage {
        let userID = user ?? request.sender
        if userID != request.sender && request.role != .supervisor {
            return request.say.forbidden(.absent)
        }
        guard let student = try writer.roster.find(userID: userID) else { return request.say.roster.studentNotFound(userID: userID) }
        let record: SessionRecord
        if case .next = ref, let group = try writer.groups.active(ofStudent: userID) {
            guard let next = try writer.sessions.next(ofGroup: group.id, after: context.now) else {
                return request.say.sessions.noSuchSession(number: nil)
            }
            record = next
        } else {
            record = try session(ref, request)
        }
        try writer.participation.markAbsent(record.number, userID: userID, at: context.now)
        return request.say.sessions.absentNoted(name: student.name, plan: try lookup.plan(record))
    }
}
