import Foundation

/// Everything stored about one student, as `!mydata` hands it to them: their own data only.
public struct MyDataDocument: Sendable, Equatable, Codable {
    public var generated: Date
    public var profile: MyDataProfile
    /// The names of the groups the student is in.
    public var groups: [String]
    public var sessions: [MyDataSession]
    public var reflections: [MyDataReflection]
    public var tasks: [MyDataTask]
    public var ratingsGiven: [MyDataRatingGiven]
    public var assessmentResults: [MyDataAssessmentResult]
    public var feedback: [MyDataFeedback]
    public var participation: MyDataParticipation

    public init(
        generated: Date, profile: MyDataProfile, groups: [String] = [], sessions: [MyDataSession] = [],
        reflections: [MyDataReflection] = [], tasks: [MyDataTask] = [], ratingsGiven: [MyDataRatingGiven] = [],
        assessmentResults: [MyDataAssessmentResult] = [], feedback: [MyDataFeedback] = [],
        participation: MyDataParticipation = MyDataParticipation()
    ) {
        self.generated = generated
        self.profile = profile
        self.groups = groups
        self.sessions = sessions
        self.reflections = reflections
        self.tasks = tasks
        self.ratingsGiven = ratingsGiven
        self.assessmentResults = assessmentResults
        self.feedback = feedback
        self.participation = participation
    }

    enum CodingKeys: String, CodingKey {
        case generated, profile, groups, sessions, reflections, tasks, feedback, participation
        case ratingsGiven = "ratings_given", assessmentResults = "assessment_results"
    }

    /// Pretty-printed JSON with sorted keys and ISO 8601 dates, readable by the student.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }

    /// Reads a document written by `json()`.
    public static func decoded(from data: Data) throws -> MyDataDocument {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(MyDataDocument.self, from: data)
    }

    /// `peerbot-mydata-anna-hs.json`: the user id with everything but letters and digits as `-`.
    public var fileName: String {
        let safe = profile.userID.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? String($0) : "-" }.joined()
        let trimmed = safe.split(separator: "-").joined(separator: "-")
        return "peerbot-mydata-" + (trimmed.isEmpty ? "student" : trimmed.lowercased()) + ".json"
    }
}
