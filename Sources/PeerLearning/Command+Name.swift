extension Command {
    /// Which command this is, for permission checks and usage lines.
    public var name: CommandName {
        switch self {
        case .help: .help
        case .status: .status
        case .studentAdd: .studentAdd
        case .studentRemove: .studentRemove
        case .students: .students
        case .groupsPlan: .groupsPlan
        case .groupsCreate: .groupsCreate
        case .groups: .groups
        case .groupMove: .groupMove
        case .sessionPlan: .sessionPlan
        case .sessionGoal: .sessionGoal
        case .sessionOutcome: .sessionOutcome
        case .sessionActivity: .sessionActivity
        case .sessionMove: .sessionMove
        case .sessionCancel: .sessionCancel
        case .sessions: .sessions
        case .understood: .understood
        case .question: .question
        case .ready: .ready
        case .notReady: .notReady
        case .facilitator: .facilitator
        case .absent: .absent
        case .taskAdd: .taskAdd
        case .taskDone: .taskDone
        case .tasks: .tasks
        case .reflect: .reflect
        case .criteria: .criteria
        case .evaluate: .evaluate
        case .feedback: .feedback
        case .summary: .summary
        case .export: .export
        case .remind: .remind
        case .language: .language
        case .mydata: .mydata
        case .release: .release
        case .extend: .extend
        case .overview: .overview
        }
    }
}
