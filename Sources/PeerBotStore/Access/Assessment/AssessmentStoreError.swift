/// What the store refuses to do with peer-assessment rounds, ratings and feedback, with a
/// stable code for logs and replies.
public enum AssessmentStoreError: Error, Equatable, Sendable {
    /// No assessment round has this id.
    case roundNotFound(id: Int64)
    /// The group already has a round that is not closed.
    case roundAlreadyOpen(groupID: Int64, roundID: Int64)
    /// The round is closed; its ratings can no longer change.
    case roundClosed(id: Int64)
    /// The rater was not asked to rate this subject in the round.
    case notAssigned(roundID: Int64, rater: String, subject: String)
    /// The rater has not rated this subject in the round.
    case ratingNotFound(roundID: Int64, rater: String, subject: String)
    /// A rating needs five marks from 0 to 5.
    case invalidMarks([Int])
    /// Feedback goes to exactly one student or one group.
    case invalidFeedbackTarget

    /// A stable identifier for the kind of failure.
    public var code: String {
        switch self {
        case .roundNotFound: "store.assessment_round_not_found"
        case .roundAlreadyOpen: "store.assessment_round_already_open"
        case .roundClosed: "store.assessment_round_closed"
        case .notAssigned: "store.assessment_not_assigned"
        case .ratingNotFound: "store.rating_not_found"
        case .invalidMarks: "store.invalid_marks"
        case .invalidFeedbackTarget: "store.invalid_feedback_target"
        }
    }
}
