extension CommandFamily {
    /// `!criteria`, `!evaluate`, `!feedback`.
    static let assessmentCommands: [CommandDefinition] = [
        .init(.criteria, en: ["criteria"], da: ["kriterier"], roles: .supervisors,
              arguments: ("<text>", "<tekst>")) { CommandParser.requiredText(&$0).map { .criteria(text: $0) } },
        .init(.evaluate, en: ["evaluate"], da: ["evaluer", "evaluér"], roles: .supervisors,
              arguments: ("[<group>]", "[<gruppe>]")) { CommandParser.onlyGroup(&$0).map { .evaluate(group: $0) } },
        .init(.feedback, en: ["feedback"], da: ["feedback"], roles: .supervisors,
              arguments: ("@user|<group> <text>", "@bruger|<gruppe> <tekst>"), user: .somewhere, parse: CommandParser.parseFeedback),
    ]
}
