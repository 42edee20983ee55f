import Foundation
import PeerBotStore
import PeerLearning

/// Open rounds: a reminder halfway to each student's deadline, and the results to the supervisor
/// room when everyone has answered or every deadline has passed. Students see nothing of the
/// result until a supervisor releases the round (`!release`).
struct AssessmentJobs: ScheduledWork {
    func runDue(_ jobs: JobRunner) throws -> Int {
        var queued = 0
        for round in try jobs.writer.assessment.openRounds() {
            queued += try jobs.run("assessment round \(round.id)") { try runDue(round, jobs) }
        }
        return queued
    }

    /// The reminders and the close of one round; the close waits until the bot has caught up.
    private func runDue(_ round: AssessmentRoundRecord, _ jobs: JobRunner) throws -> Int {
        let (now, config, writer) = (jobs.now, jobs.config, jobs.writer)
        var queued = 0
        guard let group = try writer.groups.find(id: round.groupID) else { return 0 }
        let assignments = try writer.assessment.assignments(round: round.id)
        let waiting = Set(assignments.filter { $0.answeredAt == nil }.map(\.rater))
        let extensions = try writer.deadlines.extensions(.assessment(round: round.id))
        let facts = AssessmentReminders.Round(
            group: group.name, startedAt: round.startedAt, deadline: round.deadline, reminded: round.remindedAt != nil,
            remaining: Dictionary(grouping: assignments.filter { $0.answeredAt == nil }, by: \.rater).mapValues(\.count),
            extensions: extensions.mapValues { .init(deadline: $0.deadline, grantedAt: $0.grantedAt, reminded: $0.remindedAt != nil) })
        let rounds = AssessmentRounds(writer: writer, config: config, now: now)
        for effect in AssessmentReminders.decide(facts, now: now, timeZone: config.timeZone, say: config.texts(config.language)) {
            switch effect {
            case .tell(let rater, let reminder):
                try rounds.post(reminder, to: rater)
                queued += 1
            case .markRoundReminded:
                try writer.assessment.markReminded(round: round.id, at: now)
            case .markExtensionReminded(let rater):
                try writer.deadlines.markReminded(.assessment(round: round.id), userID: rater, at: now)
            }
        }
        let lastDeadline = waiting.map { extensions[$0]?.deadline ?? round.deadline }.max() ?? round.deadline
        if jobs.caughtUp, waiting.isEmpty || now >= max(round.deadline, lastDeadline) {
            queued += try close(round, group: group, config: config, writer: writer, now: now)
        }
        return queued
    }

    private func close(_ round: AssessmentRoundRecord, group: StudyGroupRecord, config: BotConfig, writer: StoreWriter, now: Date) throws -> Int {
        let lookup = SessionLookup(reader: writer)
        let result = try lookup.result(of: round)
        let members = result.members.map(\.userID)
        let ratings = try writer.assessment.ratings(round: round.id)
        let names = try lookup.names()
        let comments = ratings.compactMap { rating in
            rating.comment.map { (rater: names[rating.rater] ?? rating.rater, subject: names[rating.subject] ?? rating.subject, text: $0) }
        }
        var resultID: Int64?
        if let room = try writer.rooms.supervisor() {
            let number = try writer.assessment.rounds(ofGroup: group.id).firstIndex { $0.id == round.id }.map { $0 + 1 }
            let message = config.texts(room.language(or: config.language)).assessment.assessmentResults(group: group.name, members: members.map { ($0, names[$0] ?? $0) }, result: result,
                                                                                                                    comments: comments, submitted: result.submitted, round: number)
            resultID = try writer.enqueue(message, to: room.roomID, mentions: config.supervisors).id
        }
        try writer.assessment.closeRound(round.id, resultOutboxID: resultID, at: now)
        return resultID == nil ? 0 : 1
    }
}

/// When the reminder for an extended deadline is due: halfway from the grant to the new deadline,
/// so a student who was just told the new deadline is not reminded of it at once.
enum ExtendedDeadline {
    static func reminderDue(_ granted: DeadlineExtension) -> Date {
        AssessmentReminders.Extension(deadline: granted.deadline, grantedAt: granted.grantedAt, reminded: granted.remindedAt != nil).reminderDue
    }
}
