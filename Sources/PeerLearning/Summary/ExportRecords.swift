import Foundation

/// One stored reflection, as exported.
public struct ExportReflection: Sendable, Equatable, Codable {
    public var session: Int
    public var group: String
    public var userID: String
    public var name: String
    /// `group` or `private`.
    public var scope: String
    public var text: String
    public var late: Bool
    public var createdAt: Date

    public init(
        session: Int, group: String, userID: String, name: String, scope: String, text: String,
        late: Bool, createdAt: Date
    ) {
        self.session = session
        self.group = group
        self.userID = userID
        self.name = name
        self.scope = scope
        self.text = text
        self.late = late
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case session, group, name, scope, text, late
        case userID = "user_id", createdAt = "created_at"
    }
}

/// One student's participation in one session, as exported.
public struct ExportParticipation: Sendable, Equatable, Codable {
    public var session: Int
    public var group: String
    public var userID: String
    public var name: String
    /// Messages during the session window (a count, not content).
    public var messages: Int
    public var confirmedGoals: Bool
    public var absent: Bool

    public init(
        session: Int, group: String, userID: String, name: String, messages: Int, confirmedGoals: Bool, absent: Bool
    ) {
        self.session = session
        self.group = group
        self.userID = userID
        self.name = name
        self.messages = messages
        self.confirmedGoals = confirmedGoals
        self.absent = absent
    }

    enum CodingKeys: String, CodingKey {
        case session, group, name, messages, absent
        case userID = "user_id", confirmedGoals = "confirmed_goals"
    }
}

/// One task, as exported.
public struct ExportTask: Sendable, Equatable, Codable {
    public var id: Int
    public var group: String
    /// The holder's user id; nil when the whole group holds it.
    public var assignee: String?
    public var text: String
    public var due: String?
    public var done: Bool
    public var createdAt: Date

    public init(
        id: Int, group: String, assignee: String?, text: String, due: String?, done: Bool, createdAt: Date
    ) {
        self.id = id
        self.group = group
        self.assignee = assignee
        self.text = text
        self.due = due
        self.done = done
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, group, assignee, text, due, done
        case createdAt = "created_at"
    }
}

/// The whole export as one JSON document (`peerbot export --format json`).
public struct ExportDocument: Sendable, Equatable, Codable {
    public var reflections: [ExportReflection]
    public var participation: [ExportParticipation]
    public var tasks: [ExportTask]
    public var assessments: [ExportAssessment]
    public var feedback: [ExportFeedback]

    public init(reflections: [ExportReflection], participation: [ExportParticipation], tasks: [ExportTask],
                assessments: [ExportAssessment] = [], feedback: [ExportFeedback] = []) {
        self.reflections = reflections
        self.participation = participation
        self.tasks = tasks
        self.assessments = assessments
        self.feedback = feedback
    }

    /// Pretty-printed JSON with sorted keys and ISO 8601 dates in UTC.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }

    /// Reads what `json()` wrote.
    public static func decode(_ data: Data) throws -> ExportDocument {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(ExportDocument.self, from: data)
    }
}
