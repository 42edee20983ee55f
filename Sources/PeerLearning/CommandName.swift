/// Every command the bot understands, one case per row of the command table. What a command
/// is called, who may use it and how it is read is in its family's definition
/// (`Commands/<Family>Commands.swift`); what it says in help is in `CommandName+Summary`.
public enum CommandName: String, CaseIterable, Sendable {
    case help, status
    case studentAdd, studentRemove, students
    case groupsPlan, groupsCreate, groups, groupMove
    case sessionPlan, sessionGoal, sessionOutcome, sessionActivity, sessionMove, sessionCancel, sessions
    case understood, question, ready, notReady, facilitator, absent
    case taskAdd, taskDone, tasks
    case reflect, criteria, evaluate, feedback, summary, export, remind, language, mydata
    case release, extend, overview
}
