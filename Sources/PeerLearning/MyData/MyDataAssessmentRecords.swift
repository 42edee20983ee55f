import Foundation

/// A rating the student gave: whom, the five marks, and their comment.
public struct MyDataRatingGiven: Sendable, Equatable, Codable {
    public var group: String
    public var subjectUserID: String
    public var subjectName: String
    /// One mark per criterion, in `AssessmentCriterion` order.
    public var marks: [Int]
    public var comment: String?
    public var given: Date

    public init(
        group: String, subjectUserID: String, subjectName: String, marks: [Int], comment: String?, given: Date
    ) {
        self.group = group
        self.subjectUserID = subjectUserID
        self.subjectName = subjectName
        self.marks = marks
        self.comment = comment
        self.given = given
    }

    enum CodingKeys: String, CodingKey {
        case group, marks, comment, given
        case subjectUserID = "subject_user_id", subjectName = "subject_name"
    }
}

/// The student's own outcome of one assessment round: their score and band only, never who
/// rated them how.
public struct MyDataAssessmentResult: Sendable, Equatable, Codable {
    public var group: String
    public var completed: Date
    /// Two decimals (`"1.05"`); nil when nobody submitted.
    public var score: String?
    public var band: WebPABand?

    public init(group: String, completed: Date, score: String?, band: WebPABand?) {
        self.group = group
        self.completed = completed
        self.score = score
        self.band = band
    }
}

/// Feedback a supervisor gave the student, directly or to their group.
public struct MyDataFeedback: Sendable, Equatable, Codable {
    /// The group, for feedback given to the whole group; nil for feedback to the student alone.
    public var group: String?
    public var from: String
    public var text: String
    public var created: Date

    public init(group: String?, from: String, text: String, created: Date) {
        self.group = group
        self.from = from
        self.text = text
        self.created = created
    }
}

/// Totals over the student's placement.
public struct MyDataParticipation: Sendable, Equatable, Codable {
    public var sessions: Int
    public var messages: Int
    public var confirmations: Int
    public var absences: Int
    public var facilitations: Int
    public var reflections: Int
    public var questions: Int

    public init(
        sessions: Int = 0, messages: Int = 0, confirmations: Int = 0, absences: Int = 0,
        facilitations: Int = 0, reflections: Int = 0, questions: Int = 0
    ) {
        self.sessions = sessions
        self.messages = messages
        self.confirmations = confirmations
        self.absences = absences
        self.facilitations = facilitations
        self.reflections = reflections
        self.questions = questions
    }
}
