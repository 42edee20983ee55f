/// Reads a command's arguments word by word while keeping the raw text of what is left,
/// so free text (titles, reflections) keeps its case, spacing and newlines.
struct ArgumentCursor {
    private(set) var rest: Substring

    init(_ text: Substring) {
        rest = text
    }

    var isAtEnd: Bool { rest.allSatisfy(\.isWhitespaceASCIIFirst) }

    /// The next whitespace-separated word, without consuming it.
    func peek() -> String? {
        var copy = self
        return copy.next()
    }

    /// Consumes and returns the next whitespace-separated word.
    mutating func next() -> String? {
        rest = rest.drop(while: \.isWhitespaceASCIIFirst)
        guard !rest.isEmpty else { return nil }
        let word = rest.prefix(while: { !$0.isWhitespaceASCIIFirst })
        rest = rest[word.endIndex...]
        return String(word)
    }

    /// Consumes the next word if `accept` turns it into a value.
    mutating func next<T>(_ accept: (String) -> T?) -> T? {
        guard let word = peek(), let value = accept(word) else { return nil }
        _ = next()
        return value
    }

    /// Consumes the next word, reading quoted parts (`"…"`, `“…”`, `„…“`, `«…»`) as one
    /// word with the quotes removed, so `"Anna Hansen"` or `style="hands on"` stays whole.
    mutating func nextQuoted() -> String? {
        rest = rest.drop(while: \.isWhitespaceASCIIFirst)
        guard !rest.isEmpty else { return nil }
        var word = ""
        var closing: Set<Character>?
        var index = rest.startIndex
        while index < rest.endIndex {
            let char = rest[index]
            if let close = closing {
                if close.contains(char) { closing = nil } else { word.append(char) }
            } else if let close = Self.quotePairs[char] {
                closing = close
            } else if char.isWhitespaceASCIIFirst {
                break
            } else {
                word.append(char)
            }
            index = rest.index(after: index)
        }
        guard closing == nil else { return nil }
        rest = rest[index...]
        return word
    }

    /// Consumes everything left, trimmed at both ends, inner text untouched.
    mutating func remainder() -> String {
        let text = rest.trimmingWhitespace()
        rest = rest[rest.endIndex...]
        return text
    }

    private static let quotePairs: [Character: Set<Character>] = [
        "\"": ["\""], "“": ["”", "“"], "„": ["“", "”"], "«": ["»"], "»": ["«"]
    ]
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        let start = firstIndex(where: { !$0.isWhitespaceASCIIFirst }) ?? endIndex
        let end = lastIndex(where: { !$0.isWhitespaceASCIIFirst }).map { index(after: $0) } ?? start
        return String(self[start..<end])
    }
}
