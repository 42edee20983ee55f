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
        let record = try writer.sessions.next(ofGroup: group.id, after: context.now).flatMap { $0.goalsOutboxID == nil ? nil : $0 }
        let goals = try record.map { (plan: try lookup.plan($0), version: $0.goalsVersion) }
        return try apply(ParticipationChange.understood(goals: goals, caller: request.sender, callerName: try name(of: request.sender),
                                                        say: request.say), request)
    }

    func question(_ text: String, _ request: CommandRequest) throws -> BotMessage {
        let group = try? contextGroup(request)
        let record = try group.flatMap { try writer.sessions.next(ofGroup: $0.id, after: context.now) }
        let supervisorRoom = try writer.rooms.supervisor()
        let decision = ParticipationChange.question(text, caller: request.sender, callerName: try name(of: request.sender),
                                                    group: group?.name, next: try record.map(lookup.plan),
                                                    supervisors: supervisorRoom.map { context.config.texts(context.language(of: $0)) },
                                                    say: request.say)
        return try apply(decision, request, session: record, group: group, supervisorRoomID: supervisorRoom?.roomID)
    }

    /// `!ready` and `!notready`.
    func setReady(_ userID: String, _ ready: Bool, _ request: CommandRequest) throws -> BotMessage {
        try apply(ParticipationChange.ready(userID, ready, name: try name(of: userID), say: request.say), request)
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
        let record = try writer.sessions.next(ofGroup: group.id, after: context.now)
        let next = try record.map { (plan: try lookup.plan($0), rotation: try lookup.rotation(of: $0)) }
        let names = record == nil ? [:] : try lookup.names()
        return try apply(ParticipationChange.facilitator(target, next: next, names: names, say: request.say), request)
    }

    func absent(_ ref: SessionRef, user: String?, _ request: CommandRequest) throws -> BotMessage {
        let userID = user ?? request.sender
        let name = try name(of: userID)
        if let refusal = ParticipationChange.absenceRefusal(userID, caller: request.sender, callerIsSupervisor: request.role == .supervisor,
                                                            name: name, say: request.say) {
            return refusal
        }
        let record: SessionRecord
        if case .next = ref, let group = try writer.groups.active(ofStudent: userID) {
            guard let next = try writer.sessions.next(ofGroup: group.id, after: context.now) else {
                return request.say.sessions.noSuchSession(number: nil)
            }
            record = next
        } else {
            record = try session(ref, request)
        }
        return try apply(ParticipationChange.absent(userID, name: name ?? userID, from: try lookup.plan(record), say: request.say), request)
    }

    /// The roster name of `userID`, nil when they are not on it.
    private func name(of userID: String) throws -> String? {
        try writer.roster.find(userID: userID)?.name
    }

    /// Carries out a participation decision's effects, in order, and gives its answer.
    /// `session` and `group` are what a kept question belongs to.
    /// `supervisorRoomID`: the supervisor room when the caller read it already.
    private func apply(_ decision: ParticipationChange, _ request: CommandRequest, session: SessionRecord? = nil,
                       group: StudyGroupRecord? = nil, supervisorRoomID: String? = nil) throws -> BotMessage {
        for effect in decision.effects {
            switch effect {
            case .confirmGoals(let number, let version):
                try writer.participation.confirm(Int64(number), userID: request.sender, version: version, at: context.now,
                                                 reactionEventID: nil)
            case .keepQuestion(let text):
                try writer.participation.addQuestion(sessionNumber: session?.number, groupID: group?.id, userID: request.sender,
                                                     text: text, at: context.now)
            case .forwardToSupervisors(let message):
                guard let roomID = try supervisorRoomID ?? writer.rooms.supervisor()?.roomID else { continue }
                try writer.enqueue(message, to: roomID, mentions: context.config.supervisors)
            case .setReady(let userID, let ready):
                try writer.participation.setReady(userID, ready, at: context.now)
            case .markAbsent(let number, let userID):
                try writer.participation.markAbsent(Int64(number), userID: userID, at: context.now)
            case .overrideFacilitator(let number, .student(let userID)):
                try writer.sessions.setFacilitatorOverride(Int64(number), userID)
            case .overrideFacilitator(let number, .supervisor):
                try writer.sessions.setFacilitatorOverride(Int64(number), SessionLookup.supervisor)
            }
        }
        return decision.reply
    }
}
