import Foundation
import GRDB

/// One rater's task list within a round: whom they rate, in order; the request currently shown.
public struct AssessmentAssignmentRecord: Codable, Sendable, Equatable, FetchableRecord, StoredDates {
    public static let databaseTableName = "assessmentAssignment"

    public var roundID: Int64
    public var rater: String
    public var subject: String
    /// The order in which the rater is asked about their subjects, from 1.
    public var position: Int
    /// When the request to rate this subject was first sent.
    public var requestedAt: Date?
    /// When the rater first answered it.
    public var answeredAt: Date?

    public init(
        roundID: Int64, rater: String, subject: String, position: Int, requestedAt: Date? = nil, answeredAt: Date? = nil
    ) {
        self.roundID = roundID
        self.rater = rater
        self.subject = subject
        self.position = position
        self.requestedAt = requestedAt
        self.answeredAt = answeredAt
    }

    public var isAnswered: Bool { answeredAt != nil }
}
