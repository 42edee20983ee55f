extension Texts {
    /// `!help`: the commands `role` may use in a room like `place`, grouped by family under a
    /// heading, one usage line each; with a topic, that command's usage, description, other
    /// names and (for `understood`) the confirming reactions.
    public static func help(role: Role, place: CommandPlace, prefix: String, language: Language,
                            topic: CommandName?) -> BotMessage {
        if let topic { return helpTopic(topic, role: role, prefix: prefix, language: language) }
        let intro = pick(language, da: "Kommandoer, du kan bruge her:", en: "Commands you can use here:")
        var body = [intro]
        var html = "<p>\(intro)</p>"
        for family in CommandFamily.allCases {
            let commands = family.definitions.map(\.name).filter { $0.isAllowed(for: role, in: place) }
            guard !commands.isEmpty else { continue }
            let title = familyTitle(family, language)
            body.append("")
            body.append(title)
            html += "<h4>\(HTML.escape(title))</h4><ul>"
            for name in commands {
                let usage = name.usage(prefix: prefix, language: language)
                let summary = name.summary(language: language)
                body.append("\(usage) — \(summary)")
                html += "<li>\(code(usage)) — \(HTML.escape(summary))</li>"
            }
            html += "</ul>"
        }
        var notes: [String] = []
        if CommandName.understood.isAllowed(for: role, in: place) { notes.append(reactionNote(prefix, language)) }
        if role == .guest { notes.append(guestNote(language)) }
        notes.append(moreNote(prefix, language))
        body.append("")
        body += notes
        html += notes.map(paragraph).joined()
        return BotMessage(kind: .help, body: body.joined(separator: "\n"), html: html)
    }

    /// The heading a family's commands have in help.
    static func familyTitle(_ family: CommandFamily, _ language: Language) -> String {
        switch family {
        case .general: pick(language, da: "Generelt", en: "General")
        case .roster: pick(language, da: "Holdlisten", en: "Roster")
        case .groups: pick(language, da: "Grupper", en: "Groups")
        case .sessions: pick(language, da: "Sessioner", en: "Sessions")
        case .participation: pick(language, da: "Forberedelse og facilitering", en: "Preparing and facilitating")
        case .tasks: pick(language, da: "Opgaver", en: "Tasks")
        case .reflection: pick(language, da: "Refleksion", en: "Reflection")
        case .assessment: pick(language, da: "Vurdering og feedback", en: "Assessment and feedback")
        case .reporting: pick(language, da: "Opsummering og eksport", en: "Summaries and export")
        case .course: pick(language, da: "Forløbet", en: "The course")
        case .privacy: pick(language, da: "Dine data", en: "Your data")
        }
    }

    private static func helpTopic(_ name: CommandName, role: Role, prefix: String, language: Language) -> BotMessage {
        let usage = name.usage(prefix: prefix, language: language)
        var lines = [name.summary(language: language)]
        let otherNames = (name.words(in: language).dropFirst() + name.words(in: language == .da ? .en : .da))
            .filter { $0 != name.displayWord(in: language) }
            .map { prefix + $0 }
        if !otherNames.isEmpty {
            lines.append(pick(language, da: "Kan også skrives: ", en: "Also written: ") + otherNames.joined(separator: ", "))
        }
        if name.takesTime { lines.append(timeFormats(language)) }
        if name == .understood { lines.append(reactionNote(prefix, language)) }
        if !name.isAllowed(for: role) {
            lines.append(pick(language, da: "\(allowedPeople(name, language)) kan bruge den.",
                              en: "\(allowedPeople(name, language)) can use it."))
        }
        let body = ([usage] + lines).joined(separator: "\n")
        let html = "<p>\(code(usage))</p>" + lines.map(paragraph).joined()
        return BotMessage(kind: .help, body: body, html: html)
    }

    /// The reactions that confirm a goals message, listed by name and symbol.
    static func reactionNote(_ prefix: String, _ language: Language) -> String {
        let understood = prefix + CommandName.understood.displayWord(in: language)
        let reactions = ConfirmationReaction.all
        let list = reactions.dropLast().joined(separator: ", ")
        return pick(language,
                    da: "Bekræft målene for en session med \(understood) eller ved at reagere på målbeskeden med \(list) eller \(reactions.last!).",
                    en: "Confirm a session's goals with \(understood) or by reacting to the goals message with \(list) or \(reactions.last!).")
    }

    private static func guestNote(_ language: Language) -> String {
        pick(language,
             da: "Du er ikke på holdlisten endnu. Bed en vejleder om at tilføje dig.",
             en: "You are not on the roster yet. Ask a supervisor to add you.")
    }

    private static func moreNote(_ prefix: String, _ language: Language) -> String {
        let help = prefix + CommandName.help.displayWord(in: language)
        return pick(language,
                    da: "Skriv \(help) <kommando> for at læse mere om én kommando. Alle kommandoer kan også skrives på engelsk (fx \(prefix)help).",
                    en: "Write \(help) <command> to read more about one command. Every command also has a Danish name (e.g. \(prefix)hjælp).")
    }
}
