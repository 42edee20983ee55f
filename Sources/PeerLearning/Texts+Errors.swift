extension Texts {
    /// The caller's role may not use `name`; nothing was changed.
    public func forbidden(_ name: CommandName) -> BotMessage {
        let call = prefix + name.displayWord(in: language)
        let who = allowedPeople(name)
        var message = MessageBuilder()
        message.line([.text(who + pick(da: " kan bruge ", en: " can use ")), .code(call),
                      .text(pick(da: ". Intet er ændret.", en: ". Nothing was changed."))])
        return message.message(.error, error: .forbidden)
    }

    /// The word after the prefix names no command; points to help with the real prefix.
    public func unknownCommand(word: String) -> BotMessage {
        let shown = quotedCode(prefix + Self.shortened(word))
        let help = MessageInline.code(prefix + CommandName.help.displayWord(in: language))
        let englishHelp = MessageInline.code(prefix + CommandName.help.displayWord(in: .en))
        let line: [MessageInline] = language == .da
            ? [.text("Ukendt kommando "), shown, .text(". Skriv "), help, .text(" (eller "), englishHelp,
               .text(") for at se de kommandoer, du kan bruge.")]
            : [.text("Unknown command "), shown, .text(". Write "), help, .text(" to see the commands you can use.")]
        return BotMessage(kind: .error, [.paragraph(line)], error: .unknownCommand)
    }

    /// The arguments did not fit; gives the usage line (and the time formats where relevant).
    public func badArguments(_ name: CommandName) -> BotMessage {
        let usage = MessageInline.code(name.usage(prefix: prefix, language: language))
        let call = MessageInline.code(prefix + name.displayWord(in: language))
        let line: [MessageInline] = language == .da
            ? [.text("Argumenterne til "), call, .text(" passer ikke. Brug: "), usage]
            : [.text("The arguments to "), call, .text(" do not fit. Usage: "), usage]
        let formats: [MessageBlock] = name.takesTime ? [.paragraph([.text(timeFormats())])] : []
        return BotMessage(kind: .error, [.group([.paragraph(line)] + formats)], error: .badArguments)
    }

    /// A time or duration in the arguments could not be read: names the words, then the usage
    /// line and the time formats.
    public func unreadableTime(_ name: CommandName, part: String) -> BotMessage {
        let usage = MessageInline.code(name.usage(prefix: prefix, language: language))
        let call = MessageInline.code(prefix + name.displayWord(in: language))
        let part = quotedCode(Self.shortened(part))
        let line: [MessageInline] = language == .da
            ? [call, .text(": jeg kan ikke læse "), part, .text(" som tidspunkt eller varighed. Brug: "), usage]
            : [call, .text(": I cannot read "), part, .text(" as a time or a duration. Usage: "), usage]
        return BotMessage(kind: .error, [.group([.paragraph(line), .paragraph([.text(timeFormats())])])], error: .badArguments)
    }

    /// The command is known but what it does is not built yet.
    public func notAvailableYet(_ name: CommandName) -> BotMessage {
        let call = prefix + name.displayWord(in: language)
        var message = MessageBuilder()
        message.line([.code(call), .text(pick(da: " virker ikke endnu. Intet er ændret.",
                                                 en: " is not available yet. Nothing was changed."))])
        return message.message(.error, error: .conflict)
    }

    /// Confirms `!language`, in the new language.
    public func languageChanged() -> BotMessage {
        let body = pick(da: "Sproget i dette rum er nu \(language.name(in: .da)).",
                        en: "The language of this room is now \(language.name(in: .en)).")
        return BotMessage(kind: .reply, paragraph: body)
    }
}
