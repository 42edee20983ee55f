extension CommandParser {
    /// Reads the arguments of `name`; nil when they do not fit its usage line.
    static func parseArguments(of name: CommandName, _ cursor: inout ArgumentCursor) -> Command? {
        switch name {
        case .help: parseHelp(&cursor)
        case .status: noArguments(.status, cursor)
        case .studentAdd: parseStudentAdd(&cursor)
        case .studentRemove: onlyUser(&cursor).map { .studentRemove(userID: $0) }
        case .students: noArguments(.students, cursor)
        case .groupsPlan: parseGroupsPlan(&cursor)
        case .groupsCreate: noArguments(.groupsCreate, cursor)
        case .groups: noArguments(.groups, cursor)
        case .groupMove: parseGroupMove(&cursor)
        case .sessionPlan: parseSessionPlan(&cursor)
        case .sessionGoal: sessionAndText(&cursor).map { .sessionGoal(session: $0, text: $1) }
        case .sessionOutcome: sessionAndText(&cursor).map { .sessionOutcome(session: $0, text: $1) }
        case .sessionActivity: parseSessionActivity(&cursor)
        case .sessionMove: parseSessionMove(&cursor)
        case .sessionCancel: onlySession(&cursor).map { .sessionCancel(session: $0) }
        case .sessions: onlyGroup(&cursor).map { .sessions(group: $0) }
        case .understood: noArguments(.understood, cursor)
        case .question: requiredText(&cursor).map { .question(text: $0) }
        case .ready: onlyUser(&cursor).map { .ready(userID: $0) }
        case .notReady: onlyUser(&cursor).map { .notReady(userID: $0) }
        case .facilitator: parseFacilitator(&cursor)
        case .absent: parseAbsent(&cursor)
        case .taskAdd: parseTaskAdd(&cursor)
        case .taskDone: parseTaskDone(&cursor)
        case .tasks: noArguments(.tasks, cursor)
        case .reflect: requiredText(&cursor).map { .reflect(text: $0) }
        case .criteria: requiredText(&cursor).map { .criteria(text: $0) }
        case .evaluate: onlyGroup(&cursor).map { .evaluate(group: $0) }
        case .feedback: parseFeedback(&cursor)
        case .summary: parseSummary(&cursor)
        case .export: onlyGroup(&cursor).map { .export(group: $0) }
        case .remind: onlyGroup(&cursor).map { .remind(group: $0) }
        case .language: parseLanguage(&cursor)
        case .mydata: noArguments(.mydata, cursor)
        case .release: parseRelease(&cursor)
        case .extend: parseExtend(&cursor)
        case .overview: onlyGroup(&cursor).map { .overview(group: $0) }
        }
    }

    static func noArguments(_ command: Command, _ cursor: ArgumentCursor) -> Command? {
        cursor.isAtEnd ? command : nil
    }

    /// The rest of the message as free text; nil when there is none.
    static func requiredText(_ cursor: inout ArgumentCursor) -> String? {
        let text = cursor.remainder()
        return TextLimits.isBlank(text) ? nil : text
    }

    static func onlyUser(_ cursor: inout ArgumentCursor) -> String? {
        guard let user = cursor.next(userID), cursor.isAtEnd else { return nil }
        return user
    }

    static func onlySession(_ cursor: inout ArgumentCursor) -> SessionRef? {
        let session = cursor.next(sessionNumber).map(SessionRef.number) ?? .next
        return cursor.isAtEnd ? session : nil
    }

    static func onlyGroup(_ cursor: inout ArgumentCursor) -> GroupRef? {
        let group = cursor.next(groupRef) ?? .omitted
        return cursor.isAtEnd ? group : nil
    }

    static func sessionAndText(_ cursor: inout ArgumentCursor) -> (SessionRef, String)? {
        let session = cursor.next(sessionNumber).map(SessionRef.number) ?? .next
        return requiredText(&cursor).map { (session, $0) }
    }

    /// A Matrix user id as typed (`@anna:example.org`).
    static func userID(_ word: String) -> String? {
        MatrixUserID.isValid(word) ? word : nil
    }

    /// `#12` or `12`, a positive number.
    static func sessionNumber(_ word: String) -> Int? {
        let digits = word.hasPrefix("#") ? word.dropFirst() : Substring(word)
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy(\.isASCIIDigit),
              let number = Int(digits), number > 0
        else { return nil }
        return number
    }

    /// `all`/`alle`, or a group name (`A`, `B2`, `nord-1`) kept as typed.
    static func groupRef(_ word: String) -> GroupRef? {
        if ["all", "alle"].contains(word.lowercased()) { return .all }
        return groupName(word).map(GroupRef.named)
    }

    static func groupName(_ word: String) -> String? {
        guard word.count <= 32, let first = word.first, first.isLetter || first.isNumber,
              word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }),
              sessionNumber(word) == nil
        else { return nil }
        return word
    }

    static func isMe(_ word: String) -> Bool {
        ["me", "mig"].contains(word.lowercased())
    }
}
