import Foundation
import GRDB

/// One rater's marks for one subject on the five criteria, with an optional comment.
public struct RatingRecord: Codable, Sendable, Equatable, FetchableRecord, StoredDates {
    public static let databaseTableName = "rating"

    /// How many criteria a rating has marks for.
    public static let criteriaCount = 5
    /// The marks a criterion may get; 0 only appears when a rater gives all zeros.
    public static let markRange = 0...5

    public var roundID: Int64
    public var rater: String
    public var subject: String
    /// One mark per criterion, in the criteria's order.
    public var marks: [Int]
    public var comment: String?
    public var at: Date
    /// Whether a supervisor chose to pass the comment on to the subject.
    public var commentReleased: Bool

    public init(
        roundID: Int64, rater: String, subject: String, marks: [Int], comment: String?, at: Date,
        commentReleased: Bool = false
    ) {
        self.roundID = roundID
        self.rater = rater
        self.subject = subject
        self.marks = marks
        self.comment = comment
        self.at = at
        self.commentReleased = commentReleased
    }

    // The marks are stored in the columns m1…m5.
    public init(row: Row) throws {
        roundID = row["roundID"]
        rater = row["rater"]
        subject = row["subject"]
        marks = (1...Self.criteriaCount).map { row["m\($0)"] }
        comment = row["comment"]
        at = row["at"]
        commentReleased = row["commentReleased"]
    }

    /// Whether the marks are five values the schema accepts.
    public static func areValid(_ marks: [Int]) -> Bool {
        marks.count == criteriaCount && marks.allSatisfy(markRange.contains)
    }
}
