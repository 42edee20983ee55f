import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

/// After a session: the reminder halfway to the reflection deadline for those who have not
/// reflected, and the summary to the supervisor room when all have reflected or every deadline,
/// extended ones included, has passed. A student with an extension is reminded halfway to theirs.
struct ReflectionJobs: ScheduledWork {
    func runDue(_ jobs: JobRunner) throws -> Int {
        var queued = 0
        for round in try jobs.writer.reflections.openRounds() {
            queued += try jobs.run("reflection round #\(round.sessionNumber)") { try runDue(round, jobs) }
        }
        return queued
    }

    /// The reminders and the summary of one round; the summary waits until the bot has caught up.
    private func runDue(_ round: ReflectionRoundRecord, _ jobs: JobRunner) throws -> Int {
        let (now, config, writer) = (jobs.now, jobs.config, jobs.writer)
        var queued = 0
        guard let record = try writer.sessions.find(number: round.sessionNumber) else { return 0 }
        let absent = try writer.participation.absentees(record.number)
        let expected = Set(try writer.groups.members(ofGroup: record.groupID).map(\.userID)).subtracting(absent)
        let missing = expected.subtracting(try writer.reflections.reflectedStudents(session: record.number))
        let extensions = try writer.deadlines.extensions(.reflection(session: record.number))
        let timeline = ReflectionTimeline(promptedAt: round.promptedAt, deadline: round.deadline)
        if timeline.remindsEveryone(at: now, alreadyReminded: round.remindedAt != nil, someoneMissing: !missing.isEmpty) {
            let due = missing.filter { extensions[$0] == nil }.sorted()
            queued += try remind(due, record: record, deadline: round.deadline, config: config, writer: writer)
            try writer.reflections.markReminded(session: record.number, at: now)
        }
        for (userID, granted) in extensions.sorted(by: { $0.key < $1.key }) where missing.contains(userID)
            && granted.remindedAt == nil && now >= ExtendedDeadline.reminderDue(granted) && now < granted.deadline {
            queued += try remind([userID], record: record, deadline: granted.deadline, config: config, writer: writer)
            try writer.deadlines.markReminded(.reflection(session: record.number), userID: userID, at: now)
        }
        let missingDeadlines = missing.map { extensions[$0]?.deadline ?? round.deadline }
        if jobs.caughtUp, timeline.closes(at: now, missingDeadlines: missingDeadlines) {
            let posted = try postSummary(record, config: config, writer: writer)
            try writer.reflections.markSummarized(session: record.number, outboxID: posted, at: now)
            queued += posted == nil ? 0 : 1
        }
        return queued
    }

    private func remind(_ students: [String], record: SessionRecord, deadline: Date, config: BotConfig, writer: StoreWriter) throws -> Int {
        let plan = try SessionLookup(reader: writer).plan(record)
        let reminder = config.texts(config.language).reflections.reflectionReminder(plan: plan, deadline: deadline, timeZone: config.timeZone)
        for userID in students {
            let room = try DirectRooms(writer: writer, config: config).room(for: userID)
            try writer.enqueue(reminder, to: room, mention: userID)
        }
        return students.count
    }

    /// The summary message in the supervisor room; nil when there is no supervisor room.
    func postSummary(_ record: SessionRecord, config: BotConfig, writer: StoreWriter) throws -> Int64? {
        guard let room = try writer.rooms.supervisor() else { return nil }
        let language = room.language(or: config.language)
        let (summary, names) = try SessionSummaryBuilder(reader: writer).summary(of: record)
        let message = config.texts(language).summary.summary(summary, names: names, timeZone: config.timeZone)
        return try writer.enqueue(message, to: room.roomID).id
    }
}
