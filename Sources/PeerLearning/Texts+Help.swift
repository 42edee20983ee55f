extension Texts {
    /// `!help`: the commands `role` may use in a room like `place`, grouped by family under a
    /// heading, one usage line each; with a topic, that command's usage, description, other
    /// names and (for `understood`) the confirming reactions.
    public func help(role: Role, place: CommandPlace,
                     topic: CommandName?) -> BotMessage {
        if let topic { return helpTopic(topic, role: role) }
        let intro = pick(da: "Kommandoer, du kan bruge her:", en: "Commands you can use here:")
        var blocks: [MessageBlock] = [.paragraph([.text(intro)])]
        for family in CommandFamily.allCases {
            let commands = family.definitions.map(\.name).filter { $0.isAllowed(for: role, in: place) }
            guard !commands.isEmpty else { continue }
            let items = commands.map { name in
                MessageList.Item([.code(name.usage(prefix: prefix, language: language)),
                                  .text(" — " + name.summary(language: language))])
            }
            blocks.append(.group([.heading([.text(familyTitle(family))]), .list(MessageList(.unmarked, items: items))]))
        }
        var notes: [String] = []
        if CommandName.understood.isAllowed(for: role, in: place) { notes.append(reactionNote()) }
        if role == .guest { notes.append(guestNote()) }
        notes.append(moreNote())
        blocks.append(.group(notes.map { .paragraph([.text($0)]) }))
        return BotMessage(kind: .help, blocks)
    }

    /// The heading a family's commands have in help.
    func familyTitle(_ family: CommandFamily) -> String {
        switch family {
        case .general: pick(da: "Generelt", en: "General")
        case .roster: pick(da: "Holdlisten", en: "Roster")
        case .groups: pick(da: "Grupper", en: "Groups")
        case .sessions: pick(da: "Sessioner", en: "Sessions")
        case .participation: pick(da: "Forberedelse og facilitering", en: "Preparing and facilitating")
        case .tasks: pick(da: "Opgaver", en: "Tasks")
        case .reflection: pick(da: "Refleksion", en: "Reflection")
        case .assessment: pick(da: "Vurdering og feedback", en: "Assessment and feedback")
        case .reporting: pick(da: "Opsummering og eksport", en: "Summaries and export")
        case .course: pick(da: "Forløbet", en: "The course")
        case .privacy: pick(da: "Dine data", en: "Your data")
        }
    }

    private func helpTopic(_ name: CommandName, role: Role) -> BotMessage {
        let usage = name.usage(prefix: prefix, language: language)
        var lines = [name.summary(language: language)]
        let otherNames = (name.words(in: language).dropFirst() + name.words(in: language == .da ? .en : .da))
            .filter { $0 != name.displayWord(in: language) }
            .map { prefix + $0 }
        if !otherNames.isEmpty {
            lines.append(pick(da: "Kan også skrives: ", en: "Also written: ") + otherNames.joined(separator: ", "))
        }
        if name.takesTime { lines.append(timeFormats()) }
        if name == .understood { lines.append(reactionNote()) }
        if !name.isAllowed(for: role) {
            lines.append(pick(da: "\(allowedPeople(name)) kan bruge den.",
                              en: "\(allowedPeople(name)) can use it."))
        }
        return BotMessage(kind: .help, [.group([.paragraph([.code(usage)])] + lines.map { .paragraph([.text($0)]) })])
    }

    /// The reactions that confirm a goals message, listed by name and symbol.
    func reactionNote() -> String {
        let understood = prefix + CommandName.understood.displayWord(in: language)
        let reactions = ConfirmationReaction.all
        let list = reactions.dropLast().joined(separator: ", ")
        return pick(da: "Bekræft målene for en session med \(understood) eller ved at reagere på målbeskeden med \(list) eller \(reactions.last!).",
                    en: "Confirm a session's goals with \(understood) or by reacting to the goals message with \(list) or \(reactions.last!).")
    }

    private func guestNote() -> String {
        pick(da: "Du er ikke på holdlisten endnu. Bed en vejleder om at tilføje dig.",
             en: "You are not on the roster yet. Ask a supervisor to add you.")
    }

    private func moreNote() -> String {
        let help = prefix + CommandName.help.displayWord(in: language)
        return pick(da: "Skriv \(help) <kommando> for at læse mere om én kommando. Alle kommandoer kan også skrives på engelsk (fx \(prefix)help).",
                    en: "Write \(help) <command> to read more about one command. Every command also has a Danish name (e.g. \(prefix)hjælp).")
    }
}
