extension CommandName {
    /// One line saying what the command does, in `language` (its definition's summary).
    public func summary(language: Language) -> String {
        language == .da ? definition.summary.da : definition.summary.en
    }

    /// The usage line, e.g. `!session plan [<group>|all] <when> <duration> <title>`.
    public func usage(prefix: String, language: Language) -> String {
        let arguments = language == .da ? definition.arguments.da : definition.arguments.en
        let call = prefix + displayWord(in: language)
        return arguments.isEmpty ? call : call + " " + arguments
    }
}
