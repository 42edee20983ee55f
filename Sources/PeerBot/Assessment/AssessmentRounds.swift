import Foundation
import PeerBotStore
import PeerLearning

/// Starts peer-assessment rounds and asks each student for the next rating, one peer at a time.
struct AssessmentRounds {
    let writer: StoreWriter
    let config: BotConfig
    let now: Date

    /// Opens a round for the group and sends every student the introduction and their first
    /// request: reads the group, lets `AssessmentRoundStart` decide, and applies its effects in
    /// order. Returns nil when a round is already open or there is nobody to rate.
    func start(_ group: StudyGroupRecord, startedBy: String) throws -> AssessmentRoundRecord? {
        let members = try writer.groups.members(ofGroup: group.id).map { member in
            AssessmentRoundStart.Member(userID: member.userID, name: try writer.roster.find(userID: member.userID)?.name ?? member.userID)
        }
        guard let decision = AssessmentRoundStart.decide(
            group: group.name, members: members, roundOpen: try writer.assessment.openRound(ofGroup: group.id) != nil,
            selfAssessment: config.selfAssessment, deadline: now.addingTimeInterval(TimeInterval(config.evaluationDeadline.components.seconds)),
            criteria: try writer.settings.value(SettingKeys.criteria), timeZone: config.timeZone, say: config.texts(config.language))
        else { return nil }
        var round: AssessmentRoundRecord?
        for effect in decision.effects {
            switch effect {
            case .open(let raters, let subjects, let deadline):
                round = try writer.assessment.startRound(groupID: group.id, raters: raters, subjects: { subjects[$0] ?? [] },
                                                         selfAssessment: config.selfAssessment, startedBy: startedBy, at: now, deadline: deadline)
            case .tell(let userID, let message):
                try post(message, to: userID)
            case .markRequested(let rater, let subject):
                guard let round else { continue }
                try writer.assessment.markRequested(round: round.id, rater: rater, subject: subject, at: now)
            }
        }
        return round
    }

    /// Sends the rater's next unanswered request; false when they have answered everything.
    @discardableResult
    func requestNext(round: Int64, rater: String, group: String) throws -> Bool {
        guard let current = try writer.assessment.currentAssignment(round: round, rater: rater) else { return false }
        let all = try writer.assessment.assignments(round: round).filter { $0.rater == rater }
        let name = try writer.roster.find(userID: current.subject)?.name ?? current.subject
        let request = config.texts(config.language).assessment.assessmentRequest(subjectName: name, subjectUserID: current.subject, index: current.position,
                                                               of: all.count, isSelf: current.subject == rater, group: group)
        try post(request, to: rater)
        try writer.assessment.markRequested(round: round, rater: rater, subject: current.subject, at: now)
        return true
    }

    func post(_ message: BotMessage, to student: String) throws {
        let room = try DirectRooms(writer: writer, config: config).room(for: student)
        try writer.enqueue(message, to: room, mention: student)
    }
}
