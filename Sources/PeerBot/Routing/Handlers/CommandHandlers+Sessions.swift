import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

extension CommandHandlers {
    /// The sessions family's commands, each to its handler.
    func run(_ command: SessionsCommand, _ request: CommandRequest) throws -> BotMessage {
        switch command {
        case .sessionPlan(let group, let when, let duration, let title):
            try refusable { try planSessions(group, when: when, duration: duration, title: title, request) }
        case .sessionGoal(let ref, let text): try refusable { try addItem(ref, kind: .goal, text: text, request) }
        case .sessionOutcome(let ref, let text): try refusable { try addItem(ref, kind: .outcome, text: text, request) }
        case .sessionActivity(let ref, let kind, let brief): try refusable { try setActivity(ref, kind: kind, brief: brief, request) }
        case .sessionMove(let ref, let when): try refusable { try move(ref, when: when, request) }
        case .sessionCancel(let ref): try refusable { try cancel(ref, request) }
        case .sessions(let group): try refusable { try list(group, request) }
        }
    }

    /// `!session plan`: reads the groups, their next sessions and the next free number, lets
    /// `SessionPlanning` decide, and applies its effects in order.
    func planSessions(_ ref: GroupRef, when: WhenSpec, duration: DurationSpec, title: String, _ request: CommandRequest) throws -> BotMessage {
        let groups = try groups(ref, request)
        let facts = try groups.map { group in
            SessionPlanning.Group(id: group.id, name: group.name, language: try roomLanguage(ofGroup: group),
                                  next: try writer.sessions.next(ofGroup: group.id, after: context.now).map(lookup.plan))
        }
        let decision = SessionPlanning.decide(facts, when: when, duration: duration, title: title,
                                              firstNumber: Int(try writer.sessions.nextNumber()), now: context.now,
                                              timeZone: context.config.timeZone, say: request.say)
        let byID = Dictionary(groups.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for effect in decision.effects {
            switch effect {
            case .plan(let plan, let groupID):
                try writer.sessions.plan(Int64(plan.number), groupID: groupID, title: plan.title, startsAt: plan.start,
                                         durationSeconds: plan.duration, plannedBy: request.sender, at: context.now)
            case .setTopic(let groupID, let topic):
                if let group = byID[groupID] { try GroupTopic(writer: writer, config: context.config).set(topic, of: group) }
            }
        }
        return decision.reply
    }

    /// A change to the goals, outcomes or activity: reads what `SessionChange` needs, lets it
    /// decide, and applies its effects here, in the batch's transaction.
    private func change(_ ref: SessionRef, _ edit: SessionEdit, _ request: CommandRequest) throws -> BotMessage {
        let before = try session(ref, request)
        guard let group = try writer.groups.find(id: before.groupID) else {
            return request.say.sessions.noSuchSession(number: Int(before.number))
        }
        let goals = SessionChange.Goals(
            posted: before.goalsOutboxID != nil, members: try writer.groups.members(ofGroup: group.id).map(\.userID),
            confirmed: try lookup.confirmedStudents(before),
            facilitatorName: try lookup.facilitatorName(try lookup.facilitator(of: before)),
            criteria: try writer.settings.value(SettingKeys.criteria))
        let decision = SessionChange.decide(edit, to: try lookup.plan(before), goals: goals, now: context.now,
                                            timeZone: context.config.timeZone,
                                            group: Texts(try roomLanguage(ofGroup: group), prefix: request.prefix),
                                            reply: request.say)
        for effect in decision.effects {
            try apply(effect, to: before, in: group)
        }
        return decision.reply
    }

    /// Carries out one effect of a session change.
    private func apply(_ effect: SessionChangeEffect, to session: SessionRecord, in group: StudyGroupRecord) throws {
        switch effect {
        case .edit(.goal(let text)):
            try writer.sessions.addItem(session.number, kind: .goal, text: text)
        case .edit(.outcome(let text)):
            try writer.sessions.addItem(session.number, kind: .outcome, text: text)
        case .edit(.activity(let kind, let brief)):
            try writer.sessions.setActivity(session.number, kind: kind, brief: brief)
        case .noteGoalsContent:
            try writer.sessions.noteGoalsContent(session.number, at: context.now)
        case .replaceGoalsMessage(let goals):
            guard let original = session.goalsOutboxID else { return }
            // The sent message's own id once known: the outbox row that posted it may be pruned.
            let target = session.goalsEventID ?? OutboxAction.eventRef(original)
            try writer.enqueueMessage(EditContent.replacing(target, with: try writer.named(goals).content()),
                                      to: lookup.room(of: group))
        case .postToGroup(let message, let mentions):
            try post(message, toGroup: group, mentions: mentions)
        case .keepGoalsMessage:
            // The version the change itself made, read back from the row it bumped.
            guard let original = session.goalsOutboxID, let current = try writer.sessions.find(number: session.number) else { return }
            try writer.sessions.setGoalsMessage(session.number, outboxID: original, version: current.goalsVersion)
        }
    }

    /// `!session goal` and `!session outcome`.
    func addItem(_ ref: SessionRef, kind: SessionItemKind, text: String, _ request: CommandRequest) throws -> BotMessage {
        try change(ref, kind == .goal ? .goal(text) : .outcome(text), request)
    }

    /// `!session activity`.
    func setActivity(_ ref: SessionRef, kind: ActivityKind, brief: String, _ request: CommandRequest) throws -> BotMessage {
        try change(ref, .activity(kind, brief: brief), request)
    }

    /// `!session move`: reads the session and its group, lets `SessionReschedule` decide, applies it.
    func move(_ ref: SessionRef, when: WhenSpec, _ request: CommandRequest) throws -> BotMessage {
        let record = try session(ref, request)
        let group = try writer.groups.find(id: record.groupID)
        let decision = SessionReschedule.move(try lookup.plan(record), to: when, now: context.now, timeZone: context.config.timeZone,
                                              group: try group.map { context.config.texts(try roomLanguage(ofGroup: $0)) }, say: request.say)
        return try apply(decision, to: record, in: group)
    }

    /// `!session cancel`: reads the session and its group, lets `SessionReschedule` decide, applies it.
    func cancel(_ ref: SessionRef, _ request: CommandRequest) throws -> BotMessage {
        let record = try session(ref, request)
        let group = try writer.groups.find(id: record.groupID)
        let decision = SessionReschedule.cancel(try lookup.plan(record), timeZone: context.config.timeZone,
                                                group: try group.map { context.config.texts(try roomLanguage(ofGroup: $0)) }, say: request.say)
        return try apply(decision, to: record, in: group)
    }

    /// Carries out a move or cancellation in order; `group` is nil when the session's group is gone.
    private func apply(_ decision: SessionReschedule, to session: SessionRecord, in group: StudyGroupRecord?) throws -> BotMessage {
        for effect in decision.effects {
            switch effect {
            case .move(let start): try writer.sessions.move(session.number, to: start, at: context.now)
            case .cancel: try writer.sessions.cancel(session.number, at: context.now)
            case .postToGroup(let message): if let group { try post(message, toGroup: group) }
            case .updateTopic: if let group { try updateTopic(of: group) }
            }
        }
        return decision.reply
    }

    func list(_ ref: GroupRef, _ request: CommandRequest) throws -> BotMessage {
        let chosen: [StudyGroupRecord]
        if case .omitted = ref, request.role == .supervisor, (try? contextGroup(request)) == nil {
            chosen = try writer.groups.active()
        } else {
            chosen = try groups(ref, request)
        }
        var plans: [SessionPlan] = []
        var facilitators: [Int: String] = [:]
        for group in chosen {
            for record in try writer.sessions.all(ofGroup: group.id) where record.cancelledAt == nil {
                let plan = try lookup.plan(record)
                plans.append(plan)
                facilitators[plan.number] = try lookup.facilitatorName(try lookup.facilitator(of: record)) ?? request.say.sessions.supervisorWord()
            }
        }
        return request.say.sessions.sessionsList(plans, facilitators: facilitators, now: context.now, timeZone: context.config.timeZone)
    }

    /// The group room's topic names its next session.
    func updateTopic(of group: StudyGroupRecord) throws {
        try GroupTopic(writer: writer, config: context.config).update(group, now: context.now)
    }
}

/// Keys of deployment-wide values kept in the settings table.
enum SettingKeys {
    static let criteria = "assessment.criteria"
}

/// Content of an edit (`m.replace`) of an earlier message.
enum EditContent {
    static func replacing(_ eventID: String, with content: JSONValue) -> JSONValue {
        var fields = content.objectValue ?? [:]
        var new = fields
        new["m.mentions"] = nil
        fields["body"] = .string("* " + (content["body"]?.stringValue ?? ""))
        if let html = content["formatted_body"]?.stringValue { fields["formatted_body"] = .string("* " + html) }
        fields["m.new_content"] = .object(new)
        fields["m.relates_to"] = ["rel_type": "m.replace", "event_id": .string(eventID)]
        return .object(fields)
    }
}
