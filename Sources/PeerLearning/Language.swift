/// The language a room speaks; Danish is the default.
public enum Language: String, Sendable, CaseIterable {
    case da, en

    /// Reads `da`/`en` and the languages' names in either language (`dansk`, `english` …).
    public init?(word: String) {
        switch word.lowercased() {
        case "da", "dansk", "danish": self = .da
        case "en", "engelsk", "english": self = .en
        default: return nil
        }
    }

    /// The language's own name, as written in `language` (`dansk`, `English`).
    public func name(in language: Language) -> String {
        switch (self, language) {
        case (.da, .da): "dansk"
        case (.da, .en): "Danish"
        case (.en, .da): "engelsk"
        case (.en, .en): "English"
        }
    }
}

/// What a person is to the bot: a configured supervisor, a student on the roster, or neither.
public enum Role: Sendable, Hashable, CaseIterable {
    case supervisor, student, guest
}
