/// Which group a command is about: a named group, every group, or (left out) this room's group.
public enum GroupRef: Equatable, Sendable {
    case named(String)
    case all
    case omitted
}

/// Which session a command is about: the number the bot printed (`#12`), or the next one.
public enum SessionRef: Equatable, Sendable {
    case number(Int)
    case next
}

/// The kind of activity a session is built around.
public enum ActivityKind: String, Equatable, Sendable, CaseIterable {
    case discussion, problem, project, `case`

    /// Reads the English or Danish name of the kind (`diskussion`, `projekt`, `sag` …).
    public init?(word: String) {
        switch word.lowercased() {
        case "discussion", "diskussion": self = .discussion
        case "problem": self = .problem
        case "project", "projekt": self = .project
        case "case", "sag": self = .case
        default: return nil
        }
    }

    /// The kind's name in `language`.
    public func name(in language: Language) -> String {
        switch (self, language) {
        case (.discussion, .da): "diskussion"
        case (.project, .da): "projekt"
        default: rawValue
        }
    }
}

/// Who a new task is for; a task with no stated assignee is decided by the handler.
public enum TaskAssignee: Equatable, Sendable {
    case user(String)
    case me
    case group
}

/// Who should facilitate, as named in `!facilitator @user` or `!facilitator me`.
public enum FacilitatorTarget: Equatable, Sendable {
    case user(String)
    case me
}

/// Who receives feedback: one student, or a group (`.omitted` = this room's group).
public enum FeedbackTarget: Equatable, Sendable {
    case user(String)
    case group(GroupRef)
}
