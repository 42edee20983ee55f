import Foundation
import PeerBotStore
import PeerLearning

/// Starts peer-assessment rounds and asks each student for the next rating, one peer at a time.
struct AssessmentRounds {
    let writer: StoreWriter
    let config: BotConfig
    let now: Date

    /// Opens a round for the group and sends every student the introduction and their first request.
    /// Returns nil when a round is already open or there is nobody to rate.
    func start(_ group: StudyGroupRecord, startedBy: String) throws -> AssessmentRoundRecord? {
        guard try writer.assessment.openRound(ofGroup: group.id) == nil else { return nil }
        let members = try writer.groups.members(ofGroup: group.id).map(\.userID)
        guard members.count >= 2 else { return nil }
        let selfAssessment = config.selfAssessment
        let deadline = now.addingTimeInterval(TimeInterval(config.evaluationDeadline.components.seconds))
        let round = try writer.assessment.startRound(
            groupID: group.id, raters: members,
            subjects: { WebPA.subjects(for: $0, members: members, selfAssessment: selfAssessment) },
            selfAssessment: selfAssessment, startedBy: startedBy, at: now, deadline: deadline)
        for rater in members {
            let intro = config.texts(config.language).assessment.assessmentIntro(group: group.name, peers: members.count - 1, includesSelf: selfAssessment,
                                                               criteria: try writer.settings.value(SettingKeys.criteria), deadline: deadline,
                                                               timeZone: config.timeZone)
            try post(intro, to: rater)
            try requestNext(round: round.id, rater: rater, group: group.name)
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
