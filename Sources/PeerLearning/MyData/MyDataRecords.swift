import Foundation

/// The student as the roster has them.
public struct MyDataProfile: Sendable, Equatable, Codable {
    public var userID: String
    public var name: String
    public var attributes: [String: [String]]
    public var readyToFacilitate: Bool

    public init(userID: String, name: String, attributes: [String: [String]], readyToFacilitate: Bool) {
        self.userID = userID
        self.name = name
        self.attributes = attributes
        self.readyToFacilitate = readyToFacilitate
    }

    enum CodingKeys: String, CodingKey {
        case name, attributes
        case userID = "user_id", readyToFacilitate = "ready_to_facilitate"
    }
}

/// One session of the student's group and what the student did in it.
public struct MyDataSession: Sendable, Equatable, Codable {
    public var number: Int
    public var group: String
    public var title: String
    public var start: Date
    public var confirmedGoals: Bool
    public var absent: Bool
    public var facilitated: Bool
    /// Messages during the session window (a count, not content).
    public var messages: Int

    public init(
        number: Int, group: String, title: String, start: Date, confirmedGoals: Bool, absent: Bool,
        facilitated: Bool, messages: Int
    ) {
        self.number = number
        self.group = group
        self.title = title
        self.start = start
        self.confirmedGoals = confirmedGoals
        self.absent = absent
        self.facilitated = facilitated
        self.messages = messages
    }

    enum CodingKeys: String, CodingKey {
        case number, group, title, start, absent, facilitated, messages
        case confirmedGoals = "confirmed_goals"
    }
}

/// A reflection the student wrote.
public struct MyDataReflection: Sendable, Equatable, Codable {
    public var session: Int?
    public var group: String
    public var text: String
    /// `group` (shared in the thread) or `private` (direct room).
    public var scope: String
    public var late: Bool
    public var created: Date

    public init(session: Int?, group: String, text: String, scope: String, late: Bool, created: Date) {
        self.session = session
        self.group = group
        self.text = text
        self.scope = scope
        self.late = late
        self.created = created
    }
}

/// A task the student holds, or one of their group's shared tasks.
public struct MyDataTask: Sendable, Equatable, Codable {
    public var id: Int
    public var group: String
    public var text: String
    public var due: String?
    public var done: Bool
    /// The task belongs to the whole group rather than to the student alone.
    public var wholeGroup: Bool

    public init(id: Int, group: String, text: String, due: String?, done: Bool, wholeGroup: Bool) {
        self.id = id
        self.group = group
        self.text = text
        self.due = due
        self.done = done
        self.wholeGroup = wholeGroup
    }

    enum CodingKeys: String, CodingKey {
        case id, group, text, due, done
        case wholeGroup = "whole_group"
    }
}
