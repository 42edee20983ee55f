extension CommandParser {
    /// Drops the quote a client puts at the top of a reply's body (`> <@user:hs> …` lines
    /// and the blank line after them), leaving what the person wrote.
    static func stripReplyFallback(_ body: String) -> String {
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
        let trimmed = String(text.drop(while: \.isWhitespace))
        let localpart = MatrixUserID.localpart(of: botUserID)
        var names = [botUserID, "@" + localpart, localpart]
        if let display = botDisplayName?.trimmingWhitespace(), !display.isEmpty {
            names += [display, "@" + display]
        }
        for name in names.filter({ !$0.isEmpty }).sorted(by: { $0.count > $1.count }) {
            guard var rest = trimmed.droppingPrefix(name, caseInsensitive: true) else { continue }
            guard rest.isEmpty || rest.first!.isWhitespace || rest.first == ":" || rest.first == "," else {
                continue
            }
            if rest.first == ":" || rest.first == "," { rest = rest.dropFirst() }
            return String(rest.drop(while: \.isWhitespace))
        }
        return trimmed
    }
}
