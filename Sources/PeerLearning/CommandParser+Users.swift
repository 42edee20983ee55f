extension CommandParser {
    /// Words that are an argument of their own where a user may stand, never a name.
    static let notNames: Set<String> = ["me", "mig", "group", "gruppe", "all", "alle"]

    /// Puts the user id in place of the pill or display name the user argument was written as,
    /// so the command's own reading sees a full id. Returns what the name matched.
    static func substituteUser(of name: CommandName, _ cursor: inout ArgumentCursor, _ users: UserNames) -> UserMatch {
        var scan = cursor
        var head = ""
        if name.definition.user == .restAfterSession, let word = scan.peek(), sessionNumber(word) != nil { head = scan.next() ?? "" }
        var lookahead = scan
        var words: [String] = []
        while let word = lookahead.next() { words.append(word) }
        guard let first = words.first, !notNames.contains(first.lowercased()) else { return .none }
        var match = users.match(Array(words.prefix(UserNames.longestName)))
        if match == .none, name.userIsRest, let mentioned = users.mentions.first {
            match = .user(mentioned, words: words.count)
        }
        guard case .user(let id, let count) = match else { return match }
        for _ in 0..<count { _ = scan.next() }
        cursor = ArgumentCursor(Substring(head + " " + id + scan.rest))
        return match
    }
}
