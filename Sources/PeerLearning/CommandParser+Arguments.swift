extension CommandParser {
    /// Reads the arguments of `name` as its definition says; nil when they do not fit its usage line.
    static func parseArguments(of name: CommandName, _ cursor: inout ArgumentCursor) -> Command? {
        name.definition.parse(&cursor)
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
