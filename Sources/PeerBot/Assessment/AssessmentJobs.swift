import Foundation
import PeerBotStore
import PeerLearning

/// Open rounds: a reminder halfway to the deadline, and the results when everyone has answered
/// or the deadline has come — WebPA scores to the supervisor room, each student's own band to them.
struct AssessmentJobs: ScheduledWork {
    func runDue(now: Date, config: BotConfig, writer: StoreWriter) throws -> Int {
        var queued = 0
        for round in try writer.openAssessmentRounds() {
            guard let group = try writer.group(id: round.groupID) else { continue }
            let assignments = try writer.assignments(round: round.id)
            let waiting = Set(assignments.filter { $0.answeredAt == nil }.map(\.rater))
            let halfway = round.startedAt.addingTimeInterval(round.deadline.timeIntervalSince(round.startedAt) / 2)
            if round.remindedAt == nil, now >= halfway, now < round.deadline, !waiting.isEmpty {
                let rounds = AssessmentRounds(writer: writer, config: config, now: now)
                for rater in waiting.sorted() {
                    let remaining = assignments.filter { $0.rater == rater && $0.answeredAt == nil }.count
                    try rounds.post(Texts.assessmentReminder(group: group.name, remaining: remaining, deadline: round.deadline,
                                                             timeZone: config.timeZone, language: config.language), to: rater)
                    queued += 1
                }
                try writer.markAssessmentReminded(round: round.id, at: now)
            }
            if waiting.isEmpty || now >= round.deadline {
                queued += try close(round, group: group, config: config, writer: writer, now: now)
            }
        }
        return queued
    }

    private func close(_ round: AssessmentRoundRecord, group: StudyGroupRecord, config: BotConfig, writer: StoreWriter, now: Date) throws -> Int {
        let lookup = SessionLookup(reader: writer)
        let result = try lookup.result(of: round)
        let members = result.members.map(\.userID)
        let ratings = try writer.ratings(round: round.id)
        let names = try lookup.names()
        let comments = ratings.compactMap { rating in
            rating.comment.map { (rater: names[rating.rater] ?? rating.rater, subject: names[rating.subject] ?? rating.subject, text: $0) }
        }
        var resultID: Int64?
        if let room = try writer.supervisorRoom() {
            let message = Texts.assessmentResults(group: group.name, members: members.map { ($0, names[$0] ?? $0) }, result: result,
                                                  comments: comments, submitted: result.submitted,
                                                  language: room.language(or: config.language))
            resultID = try writer.enqueue(message, to: room.roomID, mentions: config.supervisors).id
        }
        let rounds = AssessmentRounds(writer: writer, config: config, now: now)
        var queued = resultID == nil ? 0 : 1
        for member in result.members {
            guard let band = member.band else { continue }
            try rounds.post(Texts.ownBand(band: band, group: group.name, language: config.language), to: member.userID)
            queued += 1
        }
        try writer.closeAssessmentRound(round.id, resultOutboxID: resultID, at: now)
        return queued
    }
}
