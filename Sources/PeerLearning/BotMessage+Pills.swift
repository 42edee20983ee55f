extension HTML {
    /// A mention pill: the link clients render as the person's name and treat as a mention.
    public static func pill(userID: String, name: String) -> String {
        "<a href=\"https://matrix.to/#/\(escape(userID))\">\(escape(name))</a>"
    }
}

extension BotMessage {
    /// This message with the first place its HTML names `name` (as text, outside any tag, link
    /// or code) turned into a pill for `userID`; unchanged when the name is not there or empty.
    public func addressing(userID: String, name: String) -> BotMessage {
        guard let html, !name.isEmpty else { return self }
        let needle = HTML.escape(name)
        var copy = self
        copy.html = Self.replacingFirstText(needle, in: html, with: HTML.pill(userID: userID, name: name))
        return copy
    }

    /// Scans `html` tag by tag so a name inside an attribute, an `<a>` or a `<code>` is left alone.
    private static func replacingFirstText(_ needle: String, in html: String, with replacement: String) -> String {
        var output = ""
        var rest = html[...]
        var shielded = 0
        while !rest.isEmpty {
            if rest.hasPrefix("<") {
                let end = rest.firstIndex(of: ">").map { rest.index(after: $0) } ?? rest.endIndex
                let tag = rest[..<end].lowercased()
                if tag.hasPrefix("<a ") || tag == "<a>" || tag.hasPrefix("<code") { shielded += 1 }
                if tag.hasPrefix("</a") || tag.hasPrefix("</code") { shielded = max(0, shielded - 1) }
                output += rest[..<end]
                rest = rest[end...]
                continue
            }
            let end = rest.firstIndex(of: "<") ?? rest.endIndex
            let text = rest[..<end]
            if shielded == 0, let range = text.range(of: needle) {
                return output + text[..<range.lowerBound] + replacement + text[range.upperBound...] + rest[end...]
            }
            output += text
            rest = rest[end...]
        }
        return output
    }
}
