import Foundation
import GRDB

/// A peer-assessment round of one group.
public struct AssessmentRoundRecord: Codable, Sendable, Equatable, FetchableRecord, StoredDates {
    public static let databaseTableName = "assessmentRound"

    public var id: Int64
    public var groupID: Int64
    public var startedAt: Date
    /// When the round is due to close at the latest.
    public var deadline: Date
    /// The supervisor who asked for it, or "schedule" when it came after a number of sessions.
    public var startedBy: String
    /// Whether each rater also rates themselves.
    public var selfAssessment: Bool
    public var remindedAt: Date?
    /// When the result was written; the round is open until then.
    public var closedAt: Date?
    /// The outbox row that posts the result to the supervisor room.
    public var resultOutboxID: Int64?
    /// When the students got their bands and comments (`!release`); nil until then.
    public var releasedAt: Date?
    public var releasedBy: String?

    /// What `startedBy` holds for a round the schedule started.
    public static let scheduleStarter = "schedule"

    public init(
        id: Int64, groupID: Int64, startedAt: Date, deadline: Date, startedBy: String, selfAssessment: Bool,
        remindedAt: Date? = nil, closedAt: Date? = nil, resultOutboxID: Int64? = nil,
        releasedAt: Date? = nil, releasedBy: String? = nil
    ) {
        self.id = id
        self.groupID = groupID
        self.startedAt = startedAt
        self.deadline = deadline
        self.startedBy = startedBy
        self.selfAssessment = selfAssessment
        self.remindedAt = remindedAt
        self.closedAt = closedAt
        self.resultOutboxID = resultOutboxID
        self.releasedAt = releasedAt
        self.releasedBy = releasedBy
    }

    public var isOpen: Bool { closedAt == nil }
}
