import Foundation
import PeerBotStore
import PeerLearning

/// Starts peer-assessment rounds and sends their messages to each student's direct room.
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

    /// Sends `message` to the student's direct room (made first if they have none), mentioning them.
    func post(_ message: BotMessage, to student: String) throws {
        let room = try DirectRooms(writer: writer, config: config).room(for: student)
        try writer.enqueue(message, to: room, mention: student)
    }
}
