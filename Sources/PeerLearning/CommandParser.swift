import Foundation

/// Reads a Matrix message `body` as a bot command.
public enum CommandParser {
    /// Parses `body` (never `formatted_body`). A reply fallback quote and a leading mention
    /// of the bot are skipped; then the body must start with `prefix` and a command word.
    /// A user argument may be a pill or display name, read with `users`.
    public static func parse(
        _ body: String, prefix: String, botUserID: String, botDisplayName: String?, users: UserNames = .none
    ) -> CommandParse {
        parse(body, prefix: prefix, botUserID: botUserID, botDisplayName: botDisplayName, readingUsers: { users })
    }

    /// `parse` with the people a user argument may name read only when the command takes one:
    /// gathering them costs more than reading most commands.
    public static func parse(
        _ body: String, prefix: String, botUserID: String, botDisplayName: String?, readingUsers users: () throws -> UserNames
    ) rethrows -> CommandParse {
        // Most messages are conversation: without the prefix anywhere, nothing more to read.
        guard mayHoldPrefix(body, prefix) else { return .notCommand }
        let text = stripMention(
            from: stripReplyFallback(body), botUserID: botUserID, botDisplayName: botDisplayName)
        guard !prefix.isEmpty, let afterPrefix = text.droppingPrefix(prefix, caseInsensitive: true) else {
            return .notCommand
        }
        // `!!!` or `!?` is punctuation, not a command; `! help` is tolerated only when known.
        let spaced = afterPrefix.first?.isWhitespaceASCIIFirst ?? false
        guard let first = afterPrefix.drop(while: \.isWhitespaceASCIIFirst).first, first.isLetterASCIIFirst else {
            return .notCommand
        }
        var cursor = ArgumentCursor(afterPrefix)
        guard let name = matchName(&cursor) else {
            return spaced ? .notCommand : .unknown(word: cursor.peek() ?? "")
        }
        if name.takesUser, case .ambiguous(let written, let candidates) = substituteUser(of: name, &cursor, try users()) {
            return .ambiguousUser(name, name: written, candidates: candidates)
        }
        let arguments = cursor
        guard let command = parseArguments(of: name, &cursor) else {
            if name == .help { return .unknown(word: cursor.remainder()) }
            if let part = name.definition.unreadableTime?(arguments) { return .unreadable(name, part: part) }
            return .malformed(name)
        }
        return .command(command)
    }

    static func mayHoldPrefix(_ body: String, _ prefix: String) -> Bool {
        guard !prefix.isEmpty else { return false }
        if prefix.contains(where: \.isLetterASCIIFirst) {
            return body.range(of: prefix, options: .caseInsensitive) != nil
        }
        // An ASCII prefix (`!`) is found byte for byte: no other spelling of it is equivalent, and
        // Foundation's search cost more than the rest of reading a plain message.
        if prefix.utf8.allSatisfy({ $0 < 0x80 }) { return containsBytes(body.utf8, prefix.utf8) }
        return body.contains(prefix)
    }

    static func containsBytes(_ haystack: String.UTF8View, _ needle: String.UTF8View) -> Bool {
        guard let first = needle.first else { return true }
        // Native strings are contiguous: searched as a buffer, without index arithmetic on the view.
        let direct = haystack.withContiguousStorageIfAvailable { bytes in
            needle.withContiguousStorageIfAvailable { pattern -> Bool in
                guard bytes.count >= pattern.count, let base = bytes.baseAddress else { return false }
                // Candidates for the first byte are found with `memchr`, many bytes a step.
                var start = 0
                let last = bytes.count - pattern.count
                while start <= last, let hit = memchr(base + start, Int32(first), last - start + 1) {
                    start = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                    if UnsafeBufferPointer(rebasing: bytes[start ..< start + pattern.count]).elementsEqual(pattern) { return true }
                    start += 1
                }
                return false
            }
        }
        if let direct, let found = direct { return found }
        var index = haystack.startIndex
        while let found = haystack[index...].firstIndex(of: first) {
            if haystack[found...].starts(with: needle) { return true }
            index = haystack.index(after: found)
        }
        return false
    }

    /// Consumes the longest run of words naming a command (`student add` before `students`).
    static func matchName(_ cursor: inout ArgumentCursor) -> CommandName? {
        var lookahead = cursor
        guard let written = lookahead.next() else { return nil }
        let first = commandWord(written)
        // Only phrases that begin with this word can match: most words start none.
        guard let candidates = phrasesByFirstWord[first] else { return nil }
        var words: [(word: String, after: ArgumentCursor)] = [(first, lookahead)]
        while words.count < candidates.longest, let word = lookahead.next() {
            words.append((commandWord(word), lookahead))
        }
        for entry in candidates.entries where entry.words.count <= words.count {
            if zip(entry.words, words).allSatisfy({ $0 == $1.word }) {
                cursor = words[entry.words.count - 1].after
                return entry.name
            }
        }
        return nil
    }

    /// Every phrase of every command, longest first (ties in declaration order), built once.
    static let phraseTable: [(name: CommandName, words: [String])] = CommandName.allCases
        .flatMap { name in name.phrases.map { (name: name, words: $0) } }
        .enumerated()
        .sorted { ($0.element.words.count, -$0.offset) > ($1.element.words.count, -$1.offset) }
        .map(\.element)

    /// `phraseTable` by each phrase's first word, in the table's order, with the longest phrase's length.
    static let phrasesByFirstWord: [String: (entries: [(name: CommandName, words: [String])], longest: Int)] = {
        var table: [String: (entries: [(name: CommandName, words: [String])], longest: Int)] = [:]
        for entry in phraseTable {
            guard let first = entry.words.first else { continue }
            var phrases = table[first] ?? ([], 0)
            phrases.entries.append(entry)
            phrases.longest = max(phrases.longest, entry.words.count)
            table[first] = phrases
        }
        return table
    }()


    static func commandWord(_ word: String) -> String {
        var word = word.lowercased()
        while let last = word.last, ".!?".contains(last), word.count > 1 { word.removeLast() }
        return word
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }

    func droppingPrefix(_ prefix: String, caseInsensitive: Bool) -> Substring? {
        // Counted up to the prefix's length only: a long text is not walked to its end.
        let length = prefix.count
        let head = self.prefix(length)
        guard head.count == length else { return nil }
        let matches = caseInsensitive ? head.lowercased() == prefix.lowercased() : head == prefix
        return matches ? self.dropFirst(prefix.count) : nil
    }
}
