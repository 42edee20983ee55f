import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

/// Posts each session's moments as they fall due: goals, start, midpoint, wrap-up, end.
/// Each moment runs once: it is recorded in the job ledger in the same transaction as its messages.
struct SessionJobs: ScheduledWork {
    /// Sessions known to have nothing to run for a while; a fresh value knows none.
    let quiet = SessionQuietSpells()

    func runDue(_ jobs: JobRunner) throws -> Int {
        let lead = Int(jobs.config.goalLeadTime.components.seconds)
        let settings = Self.settings(jobs.config)
        var queued = 0
        let open = try jobs.writer.sessions.withOpenJobs(before: jobs.now.addingTimeInterval(TimeInterval(lead)))
        for record in open where !quiet.isQuiet(record, settings, at: jobs.now) {
            queued += try jobs.run("session #\(record.number)") { try runMoments(of: record, jobs) }
        }
        quiet.keep(only: Set(open.map(\.number)))
        return queued
    }

    static func settings(_ config: BotConfig) -> SessionQuietSpells.Settings {
        .init(goalLead: Int(config.goalLeadTime.components.seconds), wrapUp: Int(config.wrapUpBeforeEnd.components.seconds),
              reminder: Int(config.sessionReminder.components.seconds))
    }

    /// The moments of one session that are due, each posted once.
    private func runMoments(of record: SessionRecord, _ jobs: JobRunner) throws -> Int {
        let (now, config, writer) = (jobs.now, jobs.config, jobs.writer)
        let lead = Int(config.goalLeadTime.components.seconds)
        let wrapUp = Int(config.wrapUpBeforeEnd.components.seconds)
        let reminder = Int(config.sessionReminder.components.seconds)
        var queued = 0
        let plan = try SessionLookup(reader: writer).plan(record)
        let key = { (moment: SessionMoment) in SessionTimeline.jobKey(session: plan.number, moment: moment, start: plan.start) }
        let ran = try writer.jobs.ranJobs(SessionMoment.allCases.map(key))
        let done = Set(SessionMoment.allCases.filter { ran.contains(key($0)) })
        let due = SessionTimeline.due(session: plan, now: now, alreadyRun: done, goalLeadTime: lead, wrapUpBeforeEnd: wrapUp,
                                      plannedAt: record.plannedAt, firstContentAt: record.goalsContentAt, reminderBefore: reminder)
        if due.isEmpty, let next = SessionTimeline.nextDate(session: plan, alreadyRun: done, goalLeadTime: lead, wrapUpBeforeEnd: wrapUp,
                                                            plannedAt: record.plannedAt, firstContentAt: record.goalsContentAt,
                                                            reminderBefore: reminder), next > now {
            quiet.note(record, Self.settings(config), quietUntil: next)
        }
        for moment in due.skipped { try writer.jobs.markRun(jobKey: key(moment), at: now) }
        for moment in due.due {
            let current = try writer.sessions.find(number: record.number) ?? record
            queued += try SessionMomentPoster(writer: writer, config: config, now: now).post(moment, record: current)
            try writer.jobs.markRun(jobKey: key(moment), at: now)
        }
        let finished = done.union(due.due).union(due.skipped)
        let all = Set(SessionTimeline.moments(for: plan, goalLeadTime: lead, wrapUpBeforeEnd: wrapUp,
                                              plannedAt: record.plannedAt, firstContentAt: record.goalsContentAt,
                                              reminderBefore: reminder).map(\.moment))
        if all.isSubset(of: finished) { try writer.sessions.finishJobs(record.number, at: now) }
        return queued
    }
}

/// The messages of one session moment.
struct SessionMomentPoster {
    let writer: StoreWriter
    let config: BotConfig
    let now: Date

    func post(_ moment: SessionMoment, record: SessionRecord) throws -> Int {
        let lookup = SessionLookup(reader: writer)
        let plan = try lookup.plan(record)
        guard let group = try writer.groups.find(id: record.groupID) else { return 0 }
        let roomID = lookup.room(of: group)
        let language = try lookup.language(ofGroup: group, or: config.language)
        let say = config.texts(language)
        let choice = try lookup.facilitator(of: record)
        let name = try lookup.facilitatorName(choice)
        var messages: [(String, BotMessage)] = []
        var extra = 0
        switch moment {
        case .goals:
            let goals = say.sessions.sessionGoals(plan, facilitatorName: name, criteria: try writer.settings.value(SettingKeys.criteria),
                                         timeZone: config.timeZone)
            let item = try writer.enqueue(goals, to: roomID, mentions: try writer.groups.members(ofGroup: record.groupID).map(\.userID))
            try writer.sessions.setGoalsMessage(record.number, outboxID: item.id, version: record.goalsVersion)
            // The facilitator gets their checklist with the goals, in time to prepare.
            return 1 + (try sendChecklist(plan, to: choice.userID, name: name))
        case .soon:
            let minutes = Int((plan.start.timeIntervalSince(now) / 60).rounded(.up))
            let absent = try writer.participation.absentees(record.number)
            let present = try writer.groups.members(ofGroup: record.groupID).map(\.userID).filter { !absent.contains($0) }
            let soon = say.sessions.sessionSoon(plan, minutes: minutes, facilitatorName: name, goalsPosted: record.goalsOutboxID != nil)
            try writer.enqueue(soon, to: roomID, mentions: present)
            return 1
        case .start:
            try writer.sessions.freezeFacilitator(record.number, SessionLookup.stored(choice))
            messages.append((roomID, say.sessions.sessionStart(plan, facilitatorName: name, isStudentFacilitator: choice.userID != nil)))
            // A facilitator chosen after the goals went out (or with none sent) gets it now.
            extra = try sendChecklist(plan, to: choice.userID, name: name)
        case .midpoint:
            messages.append((roomID, say.sessions.midpointPrompt(plan, facilitatorName: name)))
        case .wrapUp:
            let left = Int(config.wrapUpBeforeEnd.components.seconds)
            messages.append((roomID, say.sessions.wrapUpPrompt(plan, secondsLeft: left)))
        case .end:
            // The topic no longer names the session that has just ended.
            if group.isActive { try GroupTopic(writer: writer, config: config).update(group, now: now) }
            return try promptReflections(plan, record: record, roomID: roomID, language: language) + startScheduledAssessment(group)
        }
        return try sendAll(messages, choice: choice, name: name) + extra
    }

    private func sendAll(_ messages: [(String, BotMessage)], choice: FacilitatorChoice, name: String?) throws -> Int {
        for (target, message) in messages {
            let addressed = choice.userID.flatMap { userID in name.map { message.addressing(userID: userID, name: $0) } } ?? message
            try writer.enqueue(addressed, to: target, mention: choice.userID)
        }
        return messages.count
    }

    /// The facilitator's checklist to a student facilitator's direct room, once per session
    /// time and student (a job-ledger key): 1 when it was sent now, 0 otherwise.
    private func sendChecklist(_ plan: SessionPlan, to student: String?, name: String?) throws -> Int {
        guard let student else { return 0 }
        let seconds = Int(plan.start.timeIntervalSince1970.rounded(.down))
        let key = "session/\(plan.number)/checklist/\(seconds)/\(student)"
        guard try !writer.jobs.ranJobs([key]).contains(key) else { return 0 }
        let direct = try DirectRooms(writer: writer, config: config).room(for: student)
        let checklist = config.texts(config.language).sessions.facilitatorChecklist(plan)
        try writer.enqueue(name.map { checklist.addressing(userID: student, name: $0) } ?? checklist, to: direct, mention: student)
        try writer.jobs.markRun(jobKey: key, at: now)
        return 1
    }

    /// After every `evaluation_every` sessions of a group, a peer-assessment round starts on its own.
    /// A group re-formed away since the session was planned starts no round: its members are
    /// assessed in their new groups.
    private func startScheduledAssessment(_ group: StudyGroupRecord) throws -> Int {
        guard group.isActive else { return 0 }
        let ended = try writer.sessions.all(ofGroup: group.id).filter { $0.cancelledAt == nil && $0.endsAt <= now }.count
        guard EvaluationCadence.roundDue(endedSessions: ended, every: config.evaluationEvery) else { return 0 }
        let round = try AssessmentRounds(writer: writer, config: config, now: now).start(group, startedBy: AssessmentRoundRecord.scheduleStarter)
        return round == nil ? 0 : 1
    }

    /// The end: the reflection prompt as a thread root in the group room (group reflection)
    /// and in each student's direct room (individual reflection).
    private func promptReflections(_ plan: SessionPlan, record: SessionRecord, roomID: String, language: Language) throws -> Int {
        // A session moved after it ended runs its moments again under the new time; its students
        // were asked once already, and their answers belong to the round that exists.
        guard try writer.reflections.round(session: record.number) == nil else { return 0 }
        let model = ReflectionModel(name: config.reflectionModel, questions: config.reflectionQuestions)
        let deadline = ReflectionTimeline.opening(at: now, length: Int(config.reflectionDeadline.components.seconds)).deadline
        let prompt = config.texts(language).reflections.reflectionPromptGroup(plan: plan, model: model, deadline: deadline, timeZone: config.timeZone)
        let absent = try writer.participation.absentees(record.number)
        let present = try writer.groups.members(ofGroup: record.groupID).map(\.userID).filter { !absent.contains($0) }
        let root = try writer.enqueue(prompt, to: roomID, mentions: present)
        try writer.reflections.openRound(session: record.number, promptOutboxID: root.id, at: now, deadline: deadline)
        var queued = 1
        for member in try writer.groups.members(ofGroup: record.groupID) where !absent.contains(member.userID) {
            let direct = try DirectRooms(writer: writer, config: config).room(for: member.userID)
            let personal = config.texts(config.language).reflections.reflectionPromptPrivate(plan: plan, model: model, deadline: deadline, timeZone: config.timeZone)
            try writer.enqueue(personal, to: direct, mention: member.userID)
            queued += 1
        }
        return queued
    }
}

/// A student's direct room, created first when there is none.
struct DirectRooms {
    let writer: StoreWriter
    let config: BotConfig

    func room(for userID: String) throws -> String {
        try RoomRefs.directRoom(for: userID, writer: writer) {
            RoomRequests.direct(userID: userID, name: CohortNaming.directRoomName(language: config.language),
                                ref: RoomRef.direct(userID).string, encrypted: config.encryptRooms).jsonString()
        }
    }
}
