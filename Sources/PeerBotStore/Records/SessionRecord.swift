import Foundation
import GRDB
import PeerLearning

/// Which list of a session an item belongs to.
public enum SessionItemKind: String, Codable, Sendable, CaseIterable {
    case goal, outcome
}

/// One planned session; `number` is the #id people see (global, increasing, never reused).
public struct SessionRecord: Codable, Sendable, Equatable, FetchableRecord, StoredDates {
    public static let databaseTableName = "session"

    public var number: Int64
    public var groupID: Int64
    public var title: String
    public var startsAt: Date
    public var durationSeconds: Int
    public var activity: ActivityKind?
    public var activityBrief: String?
    public var plannedAt: Date
    /// The supervisor who planned it.
    public var plannedBy: String
    public var cancelledAt: Date?
    /// Bumped whenever goals, outcomes or the activity change; confirmations name it.
    public var goalsVersion: Int
    /// The outbox row that posted the goals message (its event id is known once sent).
    public var goalsOutboxID: Int64?
    /// The goals message's event id once sent: what a ✅ names, kept after the outbox row is pruned.
    public var goalsEventID: String?
    /// The `goalsVersion` the goals message shows.
    public var goalsPostedVersion: Int?
    /// When the first goal, outcome or activity was added; nil while there is none.
    public var goalsContentAt: Date?
    /// Frozen at start: a student's user id, or `SessionRecord.supervisorFacilitator`.
    public var facilitator: String?
    /// A supervisor's choice for this session: a user id or `SessionRecord.supervisorFacilitator`.
    public var facilitatorOverride: String?
    /// When every scheduled moment of the session had run or was skipped.
    public var jobsFinishedAt: Date?

    /// The facilitator value meaning that a supervisor leads the session.
    public static let supervisorFacilitator = "supervisor"

    public init(
        number: Int64, groupID: Int64, title: String, startsAt: Date, durationSeconds: Int,
        activity: ActivityKind? = nil, activityBrief: String? = nil,
        plannedAt: Date, plannedBy: String, cancelledAt: Date? = nil,
        goalsVersion: Int = 1, goalsOutboxID: Int64? = nil, goalsEventID: String? = nil, goalsPostedVersion: Int? = nil,
        goalsContentAt: Date? = nil, facilitator: String? = nil, facilitatorOverride: String? = nil, jobsFinishedAt: Date? = nil
    ) {
        self.number = number
        self.groupID = groupID
        self.title = title
        self.startsAt = startsAt
        self.durationSeconds = durationSeconds
        self.activity = activity
        self.activityBrief = activityBrief
        self.plannedAt = plannedAt
        self.plannedBy = plannedBy
        self.cancelledAt = cancelledAt
        self.goalsVersion = goalsVersion
        self.goalsOutboxID = goalsOutboxID
        self.goalsEventID = goalsEventID
        self.goalsPostedVersion = goalsPostedVersion
        self.goalsContentAt = goalsContentAt
        self.facilitator = facilitator
        self.facilitatorOverride = facilitatorOverride
        self.jobsFinishedAt = jobsFinishedAt
    }

    public var endsAt: Date { startsAt.addingTimeInterval(TimeInterval(durationSeconds)) }

    public var isCancelled: Bool { cancelledAt != nil }
}
