/// One student's marks for one group member (possibly themselves), one mark per criterion.
public struct Rating: Sendable, Equatable, Codable {
    /// The user id of the student who gave the marks.
    public var rater: String
    /// The user id of the student rated.
    public var subject: String
    /// One mark per `AssessmentCriterion`, in order, each 1–5; all zeros for a rater left out.
    public var marks: [Int]
    /// Free text for the supervisors only; nil when none was given.
    public var comment: String?

    public init(rater: String, subject: String, marks: [Int], comment: String? = nil) {
        self.rater = rater
        self.subject = subject
        self.marks = marks
        self.comment = comment
    }

    /// Five marks, each on the 1–5 scale: the rating takes part in the scores.
    public var isComplete: Bool {
        marks.count == AssessmentCriterion.allCases.count
            && marks.allSatisfy { (AssessmentCriterion.lowestMark...AssessmentCriterion.highestMark).contains($0) }
    }

    /// Every mark is zero (or there are none): the rater is left out.
    public var isAllZero: Bool {
        marks.allSatisfy { $0 == 0 }
    }

    /// The sum of the marks.
    public var total: Int {
        marks.reduce(0, +)
    }
}
