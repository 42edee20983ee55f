extension Command {
    /// The text a student writes into the command (`!question`, `!task add`, `!reflect`), which
    /// the patient guard reads before anything keeps or forwards it; nil for other commands.
    public var studentText: String? {
        switch self {
        case .question(let text), .taskAdd(_, let text, _), .reflect(let text): text
        default: nil
        }
    }

    /// The same command with its student text replaced (by the guarded one).
    public func replacingStudentText(with text: String) -> Command {
        switch self {
        case .question: .question(text: text)
        case .taskAdd(let assignee, _, let due): .taskAdd(assignee: assignee, text: text, due: due)
        case .reflect: .reflect(text: text)
        default: self
        }
    }
}
