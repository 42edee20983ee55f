import Foundation

/// One student's course so far, as `!overview` shows it to the supervisors.
public struct OverviewStudent: Sendable, Equatable {
    public var userID: String
    public var name: String
    /// Sessions that have started (cancelled ones left out).
    public var sessions: Int
    public var goalsConfirmed: Int
    /// Messages during each started session, in session order.
    public var contributions: [Int]
    public var reflectionsOnTime: Int
    public var reflectionsLate: Int
    /// Reflections not given by the deadline (excused absences are not missing).
    public var reflectionsMissing: Int
    public var facilitations: Int
    public var readyToFacilitate: Bool
    public var tasksDone: Int
    public var tasksAssigned: Int
    /// The closed assessment rounds of the group, in order.
    public var rounds: [OverviewRound]

    public init(
        userID: String, name: String, sessions: Int = 0, goalsConfirmed: Int = 0, contributions: [Int] = [],
        reflectionsOnTime: Int = 0, reflectionsLate: Int = 0, reflectionsMissing: Int = 0, facilitations: Int = 0,
        readyToFacilitate: Bool = false, tasksDone: Int = 0, tasksAssigned: Int = 0, rounds: [OverviewRound] = []
    ) {
        self.userID = userID
        self.name = name
        self.sessions = sessions
        self.goalsConfirmed = goalsConfirmed
        self.contributions = contributions
        self.reflectionsOnTime = reflectionsOnTime
        self.reflectionsLate = reflectionsLate
        self.reflectionsMissing = reflectionsMissing
        self.facilitations = facilitations
        self.readyToFacilitate = readyToFacilitate
        self.tasksDone = tasksDone
        self.tasksAssigned = tasksAssigned
        self.rounds = rounds
    }

    /// What the supervisor should act on first, in this order.
    public var flags: [OverviewFlag] {
        var flags: [OverviewFlag] = []
        if rounds.count >= 2, rounds.suffix(2).allSatisfy(\.noSubmission) { flags.append(.noSubmissionTwice) }
        if let last = rounds.last, last.low { flags.append(.low) }
        if readyToFacilitate, facilitations == 0, sessions > 0 { flags.append(.neverFacilitated) }
        return flags
    }
}

/// One student's outcome of one closed round.
public struct OverviewRound: Sendable, Equatable {
    /// The score in hundredths (104 for 1.04); nil when nobody rated the student.
    public var hundredths: Int?
    public var noSubmission: Bool
    public var low: Bool

    public init(hundredths: Int?, noSubmission: Bool, low: Bool) {
        self.hundredths = hundredths
        self.noSubmission = noSubmission
        self.low = low
    }

    /// From a member's WebPA result.
    public init(_ result: WebPAMemberResult) {
        let hundredths = result.formattedScore.flatMap { Int($0.replacingOccurrences(of: ".", with: "")) }
        self.init(hundredths: hundredths, noSubmission: result.flags.contains(.noSubmission), low: result.flags.contains(.low))
    }
}

/// Something in a student's course the supervisor should look at first.
public enum OverviewFlag: String, Sendable, Equatable, CaseIterable {
    /// No submission in the last two assessment rounds.
    case noSubmissionTwice = "no_submission_twice"
    /// Low (peers' mean below 2.5) in the latest round.
    case low
    /// Ready to facilitate, but has not facilitated a session yet.
    case neverFacilitated = "never_facilitated"
}

/// One group's rows.
public struct GroupOverview: Sendable, Equatable {
    public var group: String
    public var students: [OverviewStudent]

    public init(group: String, students: [OverviewStudent]) {
        self.group = group
        self.students = students
    }
}

/// WebPA scores over the rounds as text, with the room language's decimal separator.
public enum ScoreTrend {
    /// `0.92 → 1.04 ↑` (`0,92 → 1,04 ↑` in Danish); a round without a score shows `—`; the arrow
    /// compares the last two scores (↑ up, ↓ down, → the same).
    public static func text(_ rounds: [OverviewRound], language: Language) -> String {
        guard !rounds.isEmpty else { return "—" }
        let scores = rounds.map { $0.hundredths.map { decimal($0, language) } ?? "—" }
        let known = rounds.compactMap(\.hundredths)
        guard rounds.count >= 2, let last = rounds.last?.hundredths, known.count >= 2 else { return scores.joined(separator: " → ") }
        let previous = known[known.count - 2]
        let arrow = last > previous ? "↑" : last < previous ? "↓" : "→"
        return scores.joined(separator: " → ") + " " + arrow
    }

    /// `1.04` / `1,04`.
    public static func decimal(_ hundredths: Int, _ language: Language) -> String {
        let cents = hundredths % 100
        let separator = language == .da ? "," : "."
        return "\(hundredths / 100)" + separator + (cents < 10 ? "0" : "") + "\(cents)"
    }
}
