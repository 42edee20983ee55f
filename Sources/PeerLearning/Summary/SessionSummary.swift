/// Everything the supervisors' summary of one session shows, gathered by the caller.
public struct SessionSummary: Sendable, Equatable {
    public var plan: SessionPlan
    /// Who facilitated; nil when the supervisor did.
    public var facilitatorName: String?
    /// One line per student of the group, in roster order.
    public var members: [MemberLine]
    /// Questions asked about the goals, in the order they came.
    public var questions: [QuestionLine]
    /// Tasks agreed in the session; assignee names come from the names map given to the text.
    public var tasks: [TaskItem]
    /// The assessment criteria in force; nil when none were stated.
    public var criteria: String?

    public init(
        plan: SessionPlan, facilitatorName: String?, members: [MemberLine], questions: [QuestionLine] = [],
        tasks: [TaskItem] = [], criteria: String? = nil
    ) {
        self.plan = plan
        self.facilitatorName = facilitatorName
        self.members = members
        self.questions = questions
        self.tasks = tasks
        self.criteria = criteria
    }

    /// Students who were not excused and have written no reflection at all.
    public var missing: [MemberLine] {
        members.filter { !$0.absent && !$0.hasReflected }
    }
}

/// One student's part in a session.
public struct MemberLine: Sendable, Equatable {
    public var name: String
    public var userID: String
    public var confirmedGoals: Bool
    /// Messages the student sent in the group room during the session window (a count, not content).
    public var messages: Int
    public var groupReflections: [ReflectionLine]
    public var privateReflections: [ReflectionLine]
    /// Excused from the session.
    public var absent: Bool

    public init(
        name: String, userID: String, confirmedGoals: Bool, messages: Int,
        groupReflections: [ReflectionLine] = [], privateReflections: [ReflectionLine] = [], absent: Bool = false
    ) {
        self.name = name
        self.userID = userID
        self.confirmedGoals = confirmedGoals
        self.messages = messages
        self.groupReflections = groupReflections
        self.privateReflections = privateReflections
        self.absent = absent
    }

    public var hasReflected: Bool { !groupReflections.isEmpty || !privateReflections.isEmpty }

    /// Whether any of the student's reflections came after the deadline.
    public var reflectedLate: Bool { (groupReflections + privateReflections).contains(where: \.late) }
}

/// One reflection as stored: its current text (after edits) and how it came in.
public struct ReflectionLine: Sendable, Equatable {
    public var text: String
    public var late: Bool
    public var edited: Bool
    /// The patient guard masked identifiers in it.
    public var masked: Bool

    public init(text: String, late: Bool = false, edited: Bool = false, masked: Bool = false) {
        self.text = text
        self.late = late
        self.edited = edited
        self.masked = masked
    }
}

/// A question a student asked about the session's goals.
public struct QuestionLine: Sendable, Equatable {
    /// The asker's name.
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}
