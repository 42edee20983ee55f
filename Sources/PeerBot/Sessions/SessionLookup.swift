import Foundation
import PeerBotStore
import PeerLearning

/// Reads sessions out of the store as the domain sees them, and decides who facilitates.
struct SessionLookup {
    let reader: StoreReader

    func plan(_ record: SessionRecord) throws -> SessionPlan {
        let items = try reader.sessions.items(record.number)
        let group = try reader.groups.find(id: record.groupID)?.name ?? "?"
        return SessionPlan(number: Int(record.number), group: group, title: record.title, start: record.startsAt,
                           duration: record.durationSeconds, goals: items.goals, outcomes: items.outcomes,
                           activity: record.activity,
                           activityBrief: record.activityBrief, cancelled: record.cancelledAt != nil)
    }

    /// Who facilitates: frozen at the start; before it, a supervisor's override or the rotation.
    func facilitator(of record: SessionRecord) throws -> FacilitatorChoice {
        try rotation(of: record).choice
    }

    /// What the rotation rule needs about the session: members and who is ready, absentees,
    /// the group's other facilitations, a frozen choice and a supervisor's override.
    func rotation(of record: SessionRecord) throws -> RotationFacts {
        let override = record.facilitatorOverride.map { $0 == Self.supervisor ? FacilitatorOverride.supervisor : .student($0) }
        let ready = try reader.participation.readyStudents()
        let members = try reader.groups.members(ofGroup: record.groupID).map { RotationMember(userID: $0.userID, ready: ready.contains($0.userID)) }
        let history = try reader.sessions.pastFacilitations(ofGroup: record.groupID)
            .filter { $0.number != record.number }
            .map { Facilitation(session: Int($0.number), facilitator: Self.choice($0.facilitator)) }
        return RotationFacts(members: members, absent: try reader.participation.absentees(record.number), history: history,
                             frozen: record.facilitator.map(Self.choice), override: override)
    }

    /// Display names of everyone on the roster.
    func names() throws -> [String: String] {
        Dictionary(try reader.roster.all().map { ($0.userID, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    func facilitatorName(_ choice: FacilitatorChoice) throws -> String? {
        guard let userID = choice.userID else { return nil }
        return try reader.roster.find(userID: userID)?.name ?? userID
    }

    /// The room a group's messages go to: its room, or the reference of the room being made.
    func room(of group: StudyGroupRecord) -> String {
        group.roomID ?? RoomRef.group(group.id).string
    }

    /// The language of a group's room, or `fallback` when the room has none or does not exist yet.
    func language(ofGroup group: StudyGroupRecord, or fallback: Language) throws -> Language {
        try group.roomID.flatMap { try reader.rooms.find(id: $0) }?.language(or: fallback) ?? fallback
    }

    /// The students whose confirmation holds for the session's goals as they are now.
    func confirmedStudents(_ record: SessionRecord) throws -> Set<String> {
        Set(try reader.participation.confirmations(record.number).filter { $0.goalsVersion == record.goalsVersion }.map(\.userID))
    }

    /// A round's WebPA result: the raters are the members, as the round asked them.
    func result(of round: AssessmentRoundRecord) throws -> WebPAResult {
        let members = Array(Set(try reader.assessment.assignments(round: round.id).map(\.rater))).sorted()
        let ratings = try reader.assessment.ratings(round: round.id).map { Rating(rater: $0.rater, subject: $0.subject, marks: $0.marks) }
        return WebPA.scores(members: members, ratings: ratings, selfAssessment: round.selfAssessment)
    }

    static let supervisor = "supervisor"

    static func choice(_ stored: String) -> FacilitatorChoice {
        stored == supervisor ? .supervisor : .student(stored)
    }

    static func stored(_ choice: FacilitatorChoice) -> String {
        choice.userID ?? supervisor
    }
}
