import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

/// Posts each session's moments as they fall due: goals, start, midpoint, wrap-up, end.
/// Each moment runs once: it is recorded in the job ledger in the same transaction as its messages.
struct SessionJobs: ScheduledWork {
    func runDue(now: Date, config: BotConfig, writer: StoreWriter) throws -> Int {
        let lead = Int(config.goalLeadTime.components.seconds)
        let wrapUp = Int(config.wrapUpBeforeEnd.components.seconds)
        var queued = 0
        for record in try writer.sessionsWithOpenJobs(before: now.addingTimeInterval(TimeInterval(lead))) {
            let lookup = SessionLookup(reader: writer)
            let plan = try lookup.plan(record)
            let key = { (moment: SessionMoment) in SessionTimeline.jobKey(session: plan.number, moment: moment, start: plan.start) }
            let done = Set(try SessionMoment.allCases.filter { try writer.hasRun(jobKey: key($0)) })
            let due = SessionTimeline.due(session: plan, now: now, alreadyRun: done, goalLeadTime: lead, wrapUpBeforeEnd: wrapUp, plannedAt: record.plannedAt)
            for moment in due.skipped { try writer.markRun(jobKey: key(moment), at: now) }
            for moment in due.due {
                let current = try writer.session(number: record.number) ?? record
                queued += try SessionMomentPoster(writer: writer, config: config, now: now).post(moment, record: current)
                try writer.markRun(jobKey: key(moment), at: now)
            }
            let finished = done.union(due.due).union(due.skipped)
            let all = Set(SessionTimeline.moments(for: plan, goalLeadTime: lead, wrapUpBeforeEnd: wrapUp, plannedAt: record.plannedAt).map(\.moment))
            if all.isSubset(of: finished) { try writer.finishJobs(record.number, at: now) }
        }
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
        guard let group = try writer.group(id: record.groupID) else { return 0 }
        let roomID = try lookup.room(ofGroup: group.id)
        let language = try group.roomID.flatMap { try writer.room(id: $0) }?.language.flatMap(Language.init(rawValue:)) ?? config.language
        let prefix = config.commandPrefix
        let choice = try lookup.facilitator(of: record)
        let name = try lookup.facilitatorName(choice)
        var messages: [(String, BotMessage)] = []
        switch moment {
        case .goals:
            let goals = Texts.sessionGoals(plan, facilitatorName: name, criteria: try writer.setting(SettingKeys.criteria),
                                           timeZone: config.timeZone, language: language, prefix: prefix)
            let item = try writer.enqueue(.send(roomID: roomID, eventType: "m.room.message", contentJSON: goals.content().jsonString()))
            try writer.setGoalsMessage(record.number, outboxID: item.id, version: record.goalsVersion)
            return 1
        case .start:
            try writer.freezeFacilitator(record.number, SessionLookup.stored(choice))
            messages.append((roomID, Texts.sessionStart(plan, facilitatorName: name, isStudentFacilitator: choice.userID != nil, language: language)))
            if let student = choice.userID {
                let direct = try RoomRefs.directRoom(for: student, writer: writer) {
                    RoomRequests.direct(userID: student, name: CohortNaming.directRoomName(language: config.language),
                                        ref: RoomRef.direct(student).string).jsonString()
                }
                messages.append((direct, Texts.facilitatorChecklist(plan, language: config.language, prefix: prefix)))
            }
        case .midpoint:
            messages.append((roomID, Texts.midpointPrompt(plan, facilitatorName: name, language: language)))
        case .wrapUp:
            let left = Int(config.wrapUpBeforeEnd.components.seconds)
            messages.append((roomID, Texts.wrapUpPrompt(plan, secondsLeft: left, language: language, prefix: prefix)))
        case .end:
            return 0
        }
        for (target, message) in messages {
            try writer.enqueue(.send(roomID: target, eventType: "m.room.message", contentJSON: message.content(mention: choice.userID).jsonString()))
        }
        return messages.count
    }
}
