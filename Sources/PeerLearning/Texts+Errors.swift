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
        let shown = Self.shortened(word)
        let help = prefix + CommandName.help.displayWord(in: language)
        let englishHelp = prefix + CommandName.help.displayWord(in: .en)
        let body = pick(da: "Ukendt kommando \(quoted(prefix + shown)). Skriv \(help) (eller \(englishHelp)) for at se de kommandoer, du kan bruge.",
                        en: "Unknown command \(quoted(prefix + shown)). Write \(help) to see the commands you can use.")
        let html = pick(da: "<p>Ukendt kommando \(HTML.code(prefix + shown)). Skriv \(HTML.code(help)) (eller \(HTML.code(englishHelp))) for at se de kommandoer, du kan bruge.</p>",
                        en: "<p>Unknown command \(HTML.code(prefix + shown)). Write \(HTML.code(help)) to see the commands you can use.</p>")
        return BotMessage(kind: .error, body: body, html: html, error: .unknownCommand)
    }

    /// The arguments did not fit; gives the usage line (and the time formats where relevant).
    public func badArguments(_ name: CommandName) -> BotMessage {
        let usage = name.usage(prefix: prefix, language: language)
        let call = prefix + name.displayWord(in: language)
        var body = pick(da: "Argumenterne til \(call) passer ikke. Brug: \(usage)",
                        en: "The arguments to \(call) do not fit. Usage: \(usage)")
        var html = pick(da: "<p>Argumenterne til \(HTML.code(call)) passer ikke. Brug: \(HTML.code(usage))</p>",
                        en: "<p>The arguments to \(HTML.code(call)) do not fit. Usage: \(HTML.code(usage))</p>")
        if name.takesTime {
            body += "\n" + timeFormats()
            html += HTML.paragraph(timeFormats())
        }
        return BotMessage(kind: .error, body: body, html: html, error: .badArguments)
    }

    /// A time or duration in the arguments could not be read: names the words, then the usage
    /// line and the time formats.
    public func unreadableTime(_ name: CommandName, part: String) -> BotMessage {
        let usage = name.usage(prefix: prefix, language: language)
        let call = prefix + name.displayWord(in: language)
        let part = Self.shortened(part)
        let body = pick(da: "\(call): jeg kan ikke læse \(quoted(part)) som tidspunkt eller varighed. Brug: \(usage)",
                        en: "\(call): I cannot read \(quoted(part)) as a time or a duration. Usage: \(usage)")
            + "\n" + timeFormats()
        let html = pick(da: "<p>\(HTML.code(call)): jeg kan ikke læse \(HTML.code(part)) som tidspunkt eller varighed. Brug: \(HTML.code(usage))</p>",
                        en: "<p>\(HTML.code(call)): I cannot read \(HTML.code(part)) as a time or a duration. Usage: \(HTML.code(usage))</p>")
            + HTML.paragraph(timeFormats())
        return BotMessage(kind: .error, body: body, html: html, error: .badArguments)
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
