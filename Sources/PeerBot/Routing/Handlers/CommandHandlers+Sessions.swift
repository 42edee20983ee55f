import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

extension CommandHandlers {
    func planSessions(_ ref: GroupRef, when: WhenSpec, duration: DurationSpec, title: String, _ request: CommandRequest) throws -> BotMessage {
        let groups = try groups(ref, request)
        guard let start = when.resolve(now: context.now, timeZone: context.config.timeZone) else {
            return Texts.badArguments(.sessionPlan, prefix: request.prefix, language: request.language)
        }
        if let refusal = SessionBounds.refusal(start: start, seconds: duration.seconds, now: context.now, language: request.language) {
            return refusal
        }
        guard !groups.isEmpty else { return Texts.groupsOverview([], prefix: request.prefix, language: request.language) }
        var plans: [SessionPlan] = []
        for group in groups {
            let record = try writer.sessions.plan(groupID: group.id, title: title, startsAt: start, durationSeconds: duration.seconds,
                                                  plannedBy: request.sender, at: context.now)
            plans.append(try lookup.plan(record))
            try updateTopic(of: group)
        }
        return Texts.sessionPlanned(plans, timeZone: context.config.timeZone, language: request.language, prefix: request.prefix)
    }

    /// Applies a change to the goals, outcomes or activity; a goals message already posted is
    /// edited in place, with one short notice that asks again only the students who had confirmed
    /// (their confirmation named the old version; nobody else had one to lose). A message not
    /// yet posted learns when it got its first content, so it can wait for the rest.
    private func change(_ ref: SessionRef, _ request: CommandRequest, _ apply: (Int64) throws -> Void) throws -> BotMessage {
        let before = try session(ref, request)
        let hadConfirmed = try lookup.confirmedStudents(before)
        try apply(before.number)
        try writer.sessions.noteGoalsContent(before.number, at: context.now)
        guard let record = try writer.sessions.find(number: before.number), let group = try writer.groups.find(id: record.groupID) else {
            return Texts.noSuchSession(number: Int(before.number), language: request.language, prefix: request.prefix)
        }
        let plan = try lookup.plan(record)
        let posted = record.goalsOutboxID != nil && !plan.hasEnded(at: context.now)
        if posted, let original = record.goalsOutboxID {
            let language = try roomLanguage(ofGroup: group)
            let goals = Texts.sessionGoals(plan, facilitatorName: try lookup.facilitatorName(try lookup.facilitator(of: record)),
                                           criteria: try writer.settings.value(SettingKeys.criteria), timeZone: context.config.timeZone,
                                           language: language, prefix: request.prefix)
            let roomID = lookup.room(of: group)
            // The sent message's own id once known: the outbox row that posted it may be pruned.
            let target = record.goalsEventID ?? OutboxAction.eventRef(original)
            try writer.enqueueMessage(EditContent.replacing(target, with: try writer.named(goals).content()), to: roomID)
            let askAgain = try writer.groups.members(ofGroup: group.id).map(\.userID).filter(hadConfirmed.contains)
            try post(Texts.goalsUpdatedNotice(plan, askAgain: !askAgain.isEmpty, language: language, prefix: request.prefix),
                     toGroup: group, mentions: askAgain)
            try writer.sessions.setGoalsMessage(record.number, outboxID: original, version: record.goalsVersion)
        }
        return Texts.sessionUpdated(plan, goalsAlreadyPosted: posted, language: request.language)
    }

    /// `!session goal` and `!session outcome`.
    func addItem(_ ref: SessionRef, kind: SessionItemKind, text: String, _ request: CommandRequest) throws -> BotMessage {
        try change(ref, request) { try writer.sessions.addItem($0, kind: kind, text: text) }
    }

    /// `!session activity`.
    func setActivity(_ ref: SessionRef, kind: ActivityKind, brief: String, _ request: CommandRequest) throws -> BotMessage {
        try change(ref, request) { number in
            try writer.sessions.setActivity(number, kind: kind, brief: brief)
        }
    }

    func move(_ ref: SessionRef, when: WhenSpec, _ request: CommandRequest) throws -> BotMessage {
        let record = try session(ref, request)
        // Moving a session that has begun would run its moments (and its reflection) a second time.
        guard record.startsAt > context.now else { return Texts.sessionAlreadyStarted(language: request.language, prefix: request.prefix) }
        guard let start = when.resolve(now: context.now, timeZone: context.config.timeZone) else {
            return Texts.badArguments(.sessionMove, prefix: request.prefix, language: request.language)
        }
        if let refusal = SessionBounds.refusal(start: start, seconds: 0, now: context.now, language: request.language) {
            return refusal
        }
        try writer.sessions.move(record.number, to: start, at: context.now)
        guard let moved = try writer.sessions.find(number: record.number), let group = try writer.groups.find(id: moved.groupID) else {
            return Texts.noSuchSession(number: Int(record.number), language: request.language, prefix: request.prefix)
        }
        let plan = try lookup.plan(moved)
        try post(Texts.sessionMoved(plan, from: record.startsAt, timeZone: context.config.timeZone, language: try roomLanguage(ofGroup: group)), toGroup: group)
        try updateTopic(of: group)
        return Texts.sessionMoved(plan, from: record.startsAt, timeZone: context.config.timeZone, language: request.language)
    }

    func cancel(_ ref: SessionRef, _ request: CommandRequest) throws -> BotMessage {
        let record = try session(ref, request)
        try writer.sessions.cancel(record.number, at: context.now)
        guard let group = try writer.groups.find(id: record.groupID) else {
            return Texts.noSuchSession(number: Int(record.number), language: request.language, prefix: request.prefix)
        }
        var plan = try lookup.plan(record)
        plan.cancelled = true
        try post(Texts.sessionCancelled(plan, timeZone: context.config.timeZone, language: try roomLanguage(ofGroup: group)), toGroup: group)
        try updateTopic(of: group)
        return Texts.sessionCancelled(plan, timeZone: context.config.timeZone, language: request.language)
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
                facilitators[plan.number] = try lookup.facilitatorName(try lookup.facilitator(of: record)) ?? Texts.supervisorWord(request.language)
            }
        }
        return Texts.sessionsList(plans, facilitators: facilitators, now: context.now, timeZone: context.config.timeZone, language: request.language)
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
