/// A command with its arguments checked and typed, ready for its handler.
public enum Command: Equatable, Sendable {
    case help(topic: CommandName?)
    case status
    case studentAdd(userID: String, name: String, attributes: [String: [String]])
    case studentRemove(userID: String)
    case students
    case groupsPlan(size: Int?, seed: UInt64?)
    case groupsCreate
    case groups
    case groupMove(userID: String, group: String)
    case sessionPlan(group: GroupRef, when: WhenSpec, duration: DurationSpec, title: String)
    case sessionGoal(session: SessionRef, text: String)
    case sessionOutcome(session: SessionRef, text: String)
    case sessionActivity(session: SessionRef, kind: ActivityKind, brief: String)
    case sessionMove(session: SessionRef, when: WhenSpec)
    case sessionCancel(session: SessionRef)
    case sessions(group: GroupRef)
    case understood
    case question(text: String)
    case ready(userID: String)
    case notReady(userID: String)
    case facilitator(FacilitatorTarget?)
    case absent(session: SessionRef, user: String?)
    case taskAdd(assignee: TaskAssignee?, text: String, due: String?)
    case taskDone(id: Int)
    case tasks
    case reflect(text: String)
    case criteria(text: String)
    case evaluate(group: GroupRef)
    case feedback(target: FeedbackTarget, text: String)
    case summary(group: GroupRef, session: SessionRef)
    case export(group: GroupRef)
    case remind(group: GroupRef)
    case language(Language)
    case mydata
    case release(group: GroupRef, round: Int?)
    case extend(user: UserArgument, duration: DurationSpec)
    case overview(group: GroupRef)
}

/// The outcome of reading a message body as a command.
public enum CommandParse: Equatable, Sendable {
    /// Not addressed to the bot as a command; say nothing.
    case notCommand
    /// The prefix followed by a word that names no command.
    case unknown(word: String)
    /// A known command whose arguments do not fit its usage line.
    case malformed(CommandName)
    /// A known command whose time or duration could not be read; `part` is what was not read.
    case unreadable(CommandName, part: String)
    /// A user argument written as a name that several known people share.
    case ambiguousUser(CommandName, name: String, candidates: [String])
    case command(Command)
}
