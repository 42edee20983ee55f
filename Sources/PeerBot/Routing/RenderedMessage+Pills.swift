import PeerLearning

extension RenderedMessage {
    /// This message with every place its HTML names one of `people` as a whole word (outside
    /// tags, links and code) turned into that person's pill. The plain body keeps the names as
    /// written, and nobody is mentioned by it: a pill is a name one can tap, not a call to act.
    /// A name two people share is left as text, since it cannot say which of them is meant.
    public func naming(_ people: [UserNames.Known]) -> RenderedMessage {
        naming(PillNames(people))
    }

    /// `naming(_:)` with the names prepared once (see `PillNames`); a name the HTML cannot
    /// hold is skipped without scanning it tag by tag.
    public func naming(_ pills: PillNames) -> RenderedMessage {
        guard var html else { return self }
        // Found in the HTML as written: a pill put in since holds names only inside its link,
        // where they stay text, so it adds no place a name could become a pill.
        for index in pills.candidates(in: html) {
            let entry = pills.entries[index]
            html = Self.pilling(entry.needle, in: html, with: entry.pill)
        }
        var copy = self
        copy.html = html
        return copy
    }

    /// Scans `html` tag by tag so a name inside an attribute, an `<a>` or a `<code>` is left
    /// alone; every whole-word occurrence outside them is replaced.
    private static func pilling(_ needle: String, in html: String, with replacement: String) -> String {
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
            output += shielded == 0 ? wholeWordsReplaced(needle, in: text, with: replacement) : String(text)
            rest = rest[end...]
        }
        return output
    }

    /// Every occurrence of `needle` in `text` that no letter or digit touches, replaced; never
    /// the inside of an entity (a student called "amp" must not break `&amp;`).
    private static func wholeWordsReplaced(_ needle: String, in text: Substring, with replacement: String) -> String {
        var output = ""
        var rest = text
        while let range = rest.range(of: needle) {
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
            let touches = [before, after].contains { $0.map { $0.isLetter || $0.isNumber } ?? false }
                || before == "&" || before == "#"
            output += rest[..<range.lowerBound] + (touches ? String(rest[range]) : replacement)
            rest = rest[range.upperBound...]
        }
        return output + rest
    }
}
