import PeerLearning

extension ConfigKey {
    // The value forms the kinds accept, shared by the reader and the declared defaults.

    /// true/yes/on or false/no/off, any case.
    static func parseBool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// 24h, 90m, 1h30m, 45s and the written-out forms `DurationSpec` reads.
    static func parseDuration(_ text: String) -> Duration? {
        DurationSpec.parse(text).map { .seconds($0.seconds) }
    }

    /// The word, lowercased, when it is one of the key's choices.
    func parseChoice(_ text: String) -> String? {
        guard case .choice(let words, _) = kind, words.contains(text.lowercased()) else { return nil }
        return text.lowercased()
    }

    /// The whole number, when it lies within the key's range.
    func parseInteger(_ text: String) -> Int? {
        guard case .integer(let range) = kind, let value = Int(text), range.contains(value) else { return nil }
        return value
    }

    /// The reader's sentence for a value the key's kind refuses; nil for `.custom` keys, whose
    /// checks say their own.
    func refusal(of text: String) -> String? {
        switch kind {
        case .integer(let range): return "must be a whole number from \(range.lowerBound) to \(range.upperBound), got \"\(text)\""
        case .duration: return "must be a duration like 24h, 90m, 1h30m or 45s, got \"\(text)\""
        case .bool: return "must be true or false, got \"\(text)\""
        case .choice(let words, listed: true): return "must be one of " + words.joined(separator: ", ")
        case .choice(let words, listed: false):
            let list = words.count > 1 ? words.dropLast().joined(separator: ", ") + " or " + words[words.count - 1] : words.joined()
            return "must be \(list), got \"\(text)\""
        case .custom: return nil
        }
    }
}
