import Foundation
import PeerBotStore
import PeerLearning

/// Reads one group's course so far out of the store, for `!overview` and the weekly overview.
struct OverviewBuilder {
    let reader: StoreReader
    let now: Date

    func overview(of group: StudyGroupRecord) throws -> GroupOverview {
        let lookup = SessionLookup(reader: reader)
        let names = try lookup.names()
        let ready = try reader.participation.readyStudents()
        var students = try reader.groups.members(ofGroup: group.id).map { member in
            OverviewStudent(userID: member.userID, name: names[member.userID] ?? member.userID,
                            readyToFacilitate: ready.contains(member.userID))
        }
        let started = try reader.sessions.all(ofGroup: group.id).filter { $0.cancelledAt == nil && $0.startsAt <= now }
        for session in started {
            try add(session, to: &students, lookup: lookup)
        }
        let tasks = try reader.tasks.all(ofGroup: group.id)
        let rounds = try reader.assessment.rounds(ofGroup: group.id).filter { !$0.isOpen }
        let results = try rounds.map { try lookup.result(of: $0) }
        for index in students.indices {
            let userID = students[index].userID
            let own = tasks.filter { $0.assignee == userID }
            students[index].tasksAssigned = own.count
            students[index].tasksDone = own.filter(\.isDone).count
            // A round from before the student joined the group has no result for them: it shows as —.
            students[index].rounds = results.map { result in
                result[userID].map(OverviewRound.init) ?? OverviewRound(hundredths: nil, noSubmission: false, low: false)
            }
        }
        return GroupOverview(group: group.name, students: students)
    }

    /// One started session's confirmations, messages, reflections and facilitator.
    private func add(_ session: SessionRecord, to students: inout [OverviewStudent], lookup: SessionLookup) throws {
        let confirmed = try lookup.confirmedStudents(session)
        let messages = try reader.participation.messageCounts(session: session.number)
        let absent = try reader.participation.absentees(session.number)
        let reflections = try reader.reflections.all(session: session.number)
        let round = try reader.reflections.round(session: session.number)
        let extensions = try reader.deadlines.extensions(.reflection(session: session.number))
        for index in students.indices {
            let userID = students[index].userID
            students[index].sessions += 1
            students[index].goalsConfirmed += confirmed.contains(userID) ? 1 : 0
            students[index].contributions.append(messages[userID] ?? 0)
            students[index].facilitations += session.facilitator == userID ? 1 : 0
            guard let round, !absent.contains(userID) else { continue }
            let own = reflections.filter { $0.userID == userID }
            if own.contains(where: { !$0.late }) {
                students[index].reflectionsOnTime += 1
            } else if !own.isEmpty {
                students[index].reflectionsLate += 1
            } else if now > (extensions[userID]?.deadline ?? round.deadline) {
                students[index].reflectionsMissing += 1
            }
        }
    }
}

/// The weekly overview (`overview_at`): every active group's `!overview` in the supervisor room,
/// once per week. Missed while the bot was down, it runs once on return, until the next one is due.
struct OverviewJobs: ScheduledWork {
    func runDue(_ jobs: JobRunner) throws -> Int {
        let (now, config, writer) = (jobs.now, jobs.config, jobs.writer)
        // After a start, the overview waits until what happened meanwhile has been read.
        guard jobs.caughtUp, let weekly = config.overviewAt else { return 0 }
        let occurrence = weekly.latestOccurrence(atOrBefore: now, timeZone: config.timeZone)
        let day = occurrence.day
        let key = "overview:\(day.year)-\(day.month)-\(day.day)"
        guard try !writer.jobs.hasRun(jobKey: key) else { return 0 }
        // Groups formed after the moment have nothing to report yet: a new install starts next week.
        let groups = try writer.groups.active().filter { $0.createdAt <= occurrence.instant }
        var queued = 0
        if !groups.isEmpty, let room = try writer.rooms.supervisor() {
            let reports = try groups.map { try OverviewBuilder(reader: writer, now: now).overview(of: $0) }
            try writer.enqueue(config.texts(room.language(or: config.language)).overview.overview(reports), to: room.roomID)
            queued = 1
        }
        try writer.jobs.markRun(jobKey: key, at: now)
        return queued
    }
}
