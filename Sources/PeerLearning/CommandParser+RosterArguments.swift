extension CommandParser {
    /// `help [command]`; the topic may repeat the prefix-less command words in either language.
    /// An unknown topic is reported as an unknown command, so its reply names `help`.
    static func parseHelp(_ cursor: inout ArgumentCursor) -> GeneralCommand? {
        guard !cursor.isAtEnd else { return .help(topic: nil) }
        var topicCursor = cursor
        let rawTopic = topicCursor.remainder()
        var words = ArgumentCursor(Substring(rawTopic.drop(while: { !$0.isLetter })))
        guard let topic = matchName(&words), words.isAtEnd else { return nil }
        cursor = topicCursor
        return .help(topic: topic)
    }

    /// `student add @user "Full Name" key=v1,v2;v3 …` — an unquoted name runs to the first `key=`.
    static func parseStudentAdd(_ cursor: inout ArgumentCursor) -> RosterCommand? {
        guard let user = cursor.next(userID), let name = scanFullName(&cursor) else { return nil }
        // A word without `=` continues the value before it: `strengths=wound care, ecg`.
        var pairs: [String] = []
        while !cursor.isAtEnd {
            guard let word = cursor.nextQuoted() else { return nil }
            if word.contains("=") {
                pairs.append(word)
            } else if let last = pairs.popLast() {
                pairs.append(last + " " + word)
            } else {
                return nil
            }
        }
        var attributes: [String: [String]] = [:]
        for pair in pairs {
            guard let (key, values) = attribute(pair) else { return nil }
            var known = attributes[key] ?? []
            for value in values where !known.contains(value) { known.append(value) }
            attributes[key] = known
        }
        return .studentAdd(userID: user, name: name, attributes: attributes)
    }

    /// A quoted name (`"Anna Hansen"`), or unquoted words up to the first `key=`.
    static func scanFullName(_ cursor: inout ArgumentCursor) -> String? {
        guard let first = cursor.peek(), !first.contains("=") else { return nil }
        if let quote = first.first, "\"“„«»".contains(quote) {
            return cursor.nextQuoted()?.trimmingWhitespace().nonEmpty
        }
        var words: [String] = []
        while let word = cursor.peek(), !word.contains("=") {
            words.append(cursor.next()!)
        }
        return words.joined(separator: " ")
    }

    /// `key=v1,v2;v3`: the key in lower case, values trimmed, empty values dropped.
    static func attribute(_ pair: String) -> (String, [String])? {
        guard let equals = pair.firstIndex(of: "=") else { return nil }
        let key = pair[..<equals].trimmingWhitespace().lowercased()
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
            return nil
        }
        let values = pair[pair.index(after: equals)...]
            .split(whereSeparator: { $0 == "," || $0 == ";" })
            .map { $0.trimmingWhitespace() }
            .filter { !$0.isEmpty }
        return (key, values)
    }

    /// `groups plan [size=N] [seed=N]` (Danish keys `størrelse`, `frø` too).
    static func parseGroupsPlan(_ cursor: inout ArgumentCursor) -> GroupsCommand? {
        var size: Int?
        var seed: UInt64?
        while let word = cursor.next() {
            let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
            switch parts[0].lowercased() {
            case "size", "størrelse":
                guard parts[1].count <= 4, let value = Int(parts[1]), (2...1_000).contains(value) else { return nil }
                size = value
            case "seed", "frø":
                guard let value = UInt64(parts[1]) else { return nil }
                seed = value
            default:
                return nil
            }
        }
        return .groupsPlan(size: size, seed: seed)
    }

    /// `group move @user <group>`, optionally `… to B` / `… til B`.
    static func parseGroupMove(_ cursor: inout ArgumentCursor) -> GroupsCommand? {
        guard let user = cursor.next(userID) else { return nil }
        _ = cursor.next { ["to", "til"].contains($0.lowercased()) ? true : nil }
        guard let group = cursor.next(groupName), cursor.isAtEnd else { return nil }
        return .groupMove(userID: user, group: group)
    }

    /// `language da|en` (or the language's name).
    static func parseLanguage(_ cursor: inout ArgumentCursor) -> GeneralCommand? {
        guard let language = cursor.next(Language.init(word:)), cursor.isAtEnd else { return nil }
        return .language(language)
    }
}
