extension Command {
    /// The text a student writes into the command (`!question`, `!task add`, `!reflect`), which
    /// the patient guard reads before anything keeps or forwards it; nil for other commands.
    public var studentText: String? { inFamily.studentText }

    /// The same command with its student text replaced (by the guarded one).
    public func replacingStudentText(with text: String) -> Command {
        inFamily.replacingStudentText(with: text).command
    }
}
