extension CommandName {
    /// The words that call the command in `language`.
    public func words(in language: Language) -> [String] {
        language == .da ? danishWords : englishWords
    }

    /// The command as it is written in `language`, without prefix (`student add`).
    public func displayWord(in language: Language) -> String {
        words(in: language)[0]
    }

    /// Every way to call the command, split into lower-case words, for matching.
    var phrases: [[String]] {
        (englishWords + danishWords).map { $0.split(separator: " ").map(String.init) }
    }
}
