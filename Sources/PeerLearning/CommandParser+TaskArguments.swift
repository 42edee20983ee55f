extension CommandParser {
    /// `task add [@user|me|group] <text…> [due <date>]` (`mig`, `gruppe`, `frist` in Danish).
    static func parseTaskAdd(_ cursor: inout ArgumentCursor) -> TasksCommand? {
        let assignee: TaskAssignee? = cursor.next { word in
            if let id = userID(word) { return TaskAssignee.user(id) }
            if isMe(word) { return .me }
            return ["group", "gruppe"].contains(word.lowercased()) ? .group : nil
        }
        guard var text = requiredText(&cursor) else { return nil }
        var due: String?
        if let (body, date) = splitDue(text) {
            text = body
            due = date
        }
        return .taskAdd(assignee: assignee, text: text, due: due)
    }

    /// Splits `… due 2026-05-01` off a task's text when what follows the last `due`/`frist`
    /// reads as a day or a time; otherwise the word is part of the text.
    static func splitDue(_ text: String) -> (String, String)? {
        var words = ArgumentCursor(Substring(text))
        var marker: (body: String, after: ArgumentCursor)?
        while true {
            let before = words
            guard let word = words.next() else { break }
            if ["due", "frist"].contains(word.lowercased()) {
                marker = (String(text[..<before.rest.startIndex]), words)
            }
        }
        guard var (body, after) = marker else { return nil }
        body = body.trimmingWhitespace()
        let date = after.remainder()
        guard !body.isEmpty, isDueDate(date) else { return nil }
        return (body, date)
    }

    /// A day (`2026-05-01`, `fri`, `tomorrow`, `i morgen`) or any `<when>`.
    static func isDueDate(_ text: String) -> Bool {
        if WhenSpec.parse(text) != nil || WhenSpec.parseDate(text) != nil || Weekday(word: text) != nil {
            return true
        }
        return ["tomorrow", "imorgen", "i morgen"].contains(text.lowercased())
    }

    /// `task done <#id>`.
    static func parseTaskDone(_ cursor: inout ArgumentCursor) -> TasksCommand? {
        guard let id = cursor.next(sessionNumber), cursor.isAtEnd else { return nil }
        return .taskDone(id: id)
    }

    /// `facilitator [@user|me]`.
    static func parseFacilitator(_ cursor: inout ArgumentCursor) -> ParticipationCommand? {
        guard let word = cursor.next() else { return .facilitator(nil) }
        guard cursor.isAtEnd else { return nil }
        if let id = userID(word) { return .facilitator(.user(id)) }
        return isMe(word) ? .facilitator(.me) : nil
    }

    /// `feedback @user|<group>|all|group <text…>`.
    static func parseFeedback(_ cursor: inout ArgumentCursor) -> AssessmentCommand? {
        let target: FeedbackTarget? = cursor.next { word in
            if let id = userID(word) { return FeedbackTarget.user(id) }
            if ["group", "gruppe"].contains(word.lowercased()) { return .group(.omitted) }
            return groupRef(word).map(FeedbackTarget.group)
        }
        guard let target, let text = requiredText(&cursor) else { return nil }
        return .feedback(target: target, text: text)
    }
}
