extension CommandParser {
    /// Drops the quote a client puts at the top of a reply's body (`> <@user:hs> …` lines
    /// and the blank line after them), leaving what the person wrote.
    static func stripReplyFallback(_ body: String) -> String {
        // No quote unless the very first byte is `>`: nothing to split then.
        guard body.utf8.first == UInt8(ascii: ">") else { return body }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.hasPrefix(">") else { return body }
        var rest = lines.drop(while: { $0.hasPrefix(">") })
        guard let blank = rest.first, blank.allSatisfy(\.isWhitespace) else { return body }
        rest = rest.dropFirst()
        return rest.joined(separator: "\n")
    }

    /// Drops a leading mention of the bot (`@bot:hs`, `bot`, `@bot`, its display name),
    /// with a `:` or `,` after it, and the whitespace around.
    static func stripMention(from text: String, botUserID: String, botDisplayName: String?) -> String {
        let trimmed = text.first?.isWhitespace == true ? String(text.drop(while: \.isWhitespace)) : text
        let localpart = MatrixUserID.localpart(of: botUserID)
        var names = [botUserID, "@" + localpart, localpart]
        if let display = botDisplayName?.trimmingWhitespace(), !display.isEmpty {
            names += [display, "@" + display]
        }
        names = names.filter { !$0.isEmpty }
        // A command (`!…`) starts with none of the names: known from one byte, without
        // counting and lowercasing the whole text for every name.
        guard mayStart(trimmed, withAnyOf: names) else { return trimmed }
        for name in names.sorted(by: { $0.count > $1.count }) {
            guard var rest = trimmed.droppingPrefix(name, caseInsensitive: true) else { continue }
            guard rest.isEmpty || rest.first!.isWhitespace || rest.first == ":" || rest.first == "," else {
                continue
            }
            if rest.first == ":" || rest.first == "," { rest = rest.dropFirst() }
            return String(rest.drop(while: \.isWhitespace))
        }
        return trimmed
    }

    /// False only when `text` certainly starts with none of `names` (compared as
    /// `droppingPrefix(_:caseInsensitive: true)` does): its first character and every name's are
    /// one ASCII byte each (an ASCII byte followed by another is a whole character) and differ
    /// in any case. Anything else is left to the full comparison.
    static func mayStart(_ text: String, withAnyOf names: [String]) -> Bool {
        guard let head = asciiHead(text) else { return true }
        for name in names {
            guard let first = asciiHead(name) else { return true }
            if first | 0x20 == head | 0x20 && isASCIILetter(head) || first == head { return true }
        }
        return false
    }

    /// The first byte when it is ASCII and a character of its own (the next byte is ASCII too,
    /// and it is not the CR of a CR LF); nil otherwise.
    static func asciiHead(_ text: String) -> UInt8? {
        var bytes = text.utf8.makeIterator()
        guard let first = bytes.next(), first < 0x80 else { return nil }
        guard let second = bytes.next() else { return first }
        guard second < 0x80, !(first == 0x0D && second == 0x0A) else { return nil }
        return first
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }
}
