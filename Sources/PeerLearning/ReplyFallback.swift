/// The quoted lines a Matrix client puts at the top of a reply's `body` (`> <@bot:hs> …`),
/// which are not the person's own words.
public enum ReplyFallback {
    /// `body` without its leading `>` lines and the blank line after them. A body that is all
    /// quote comes back empty; a body without a quote comes back unchanged.
    public static func strip(_ body: String) -> String {
        guard body.hasPrefix(">") else { return body }
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let first = lines.first, first.hasPrefix(">") { lines = lines.dropFirst() }
        if let first = lines.first, first.trimmingWhitespace().isEmpty { lines = lines.dropFirst() }
        return lines.joined(separator: "\n")
    }
}
