/// Every command the bot understands, one case per row of the command table.
public enum CommandName: String, CaseIterable, Sendable {
    case help, status
    case studentAdd, studentRemove, students
    case groupsPlan, groupsCreate, groups, groupMove
    case sessionPlan, sessionGoal, sessionOutcome, sessionActivity, sessionMove, sessionCancel, sessions
    case understood, question, ready, notReady, facilitator, absent
    case taskAdd, taskDone, tasks
    case reflect, criteria, evaluate, feedback, summary, export, remind, language, mydata
    case release, extend, overview

    /// Who may use the command at all; finer rules (a student overriding the facilitator,
    /// assigning a task to someone else) are decided by the command's handler.
    public var allowedRoles: Set<Role> {
        switch self {
        case .help, .status:
            [.supervisor, .student, .guest]
        case .sessions, .facilitator, .absent, .taskAdd, .taskDone, .tasks:
            [.supervisor, .student]
        case .understood, .question, .reflect, .mydata:
            [.student]
        case .studentAdd, .studentRemove, .students, .groupsPlan, .groupsCreate, .groups,
             .groupMove, .sessionPlan, .sessionGoal, .sessionOutcome, .sessionActivity,
             .sessionMove, .sessionCancel, .ready, .notReady, .criteria, .evaluate, .feedback,
             .summary, .export, .remind, .language:
            [.supervisor]
        case .release, .extend, .overview:
            [.supervisor]
        }
    }

    /// Whether someone with `role` may use the command.
    public func isAllowed(for role: Role) -> Bool {
        allowedRoles.contains(role)
    }
}
