extension Texts {
    /// The caller's role may not use `name`; nothing was changed.
    public static func forbidden(_ name: CommandName, prefix: String = "!", language: Language) -> BotMessage {
        let call = prefix + name.displayWord(in: language)
        let who = allowedPeople(name, language)
        let body = pick(language, da: "\(who) kan bruge \(call). Intet er ændret.",
                        en: "\(who) can use \(call). Nothing was changed.")
        let html = pick(language, da: "<p>\(who) kan bruge \(code(call)). Intet er ændret.</p>",
                        en: "<p>\(who) can use \(code(call)). Nothing was changed.</p>")
        return BotMessage(kind: .error, body: body, html: html, error: .forbidden)
    }

    /// The word after the prefix names no command; points to help with the real prefix.
    public static func unknownCommand(word: String, prefix: String, language: Language) -> BotMessage {
        let shown = shortened(word)
        let help = prefix + CommandName.help.displayWord(in: language)
        let englishHelp = prefix + CommandName.help.displayWord(in: .en)
        let body = pick(language,
                        da: "Ukendt kommando \(quoted(prefix + shown, .da)). Skriv \(help) (eller \(englishHelp)) for at se de kommandoer, du kan bruge.",
                        en: "Unknown command \(quoted(prefix + shown, .en)). Write \(help) to see the commands you can use.")
        let html = pick(language,
                        da: "<p>Ukendt kommando \(code(prefix + shown)). Skriv \(code(help)) (eller \(code(englishHelp))) for at se de kommandoer, du kan bruge.</p>",
                        en: "<p>Unknown command \(code(prefix + shown)). Write \(code(help)) to see the commands you can use.</p>")
        return BotMessage(kind: .error, body: body, html: html, error: .unknownCommand)
    }

    /// The arguments did not fit; gives the usage line (and the time formats where relevant).
    public static func badArguments(_ name: CommandName, prefix: String, language: Language) -> BotMessage {
        let usage = name.usage(prefix: prefix, language: language)
        let call = prefix + name.displayWord(in: language)
        var body = pick(language, da: "Argumenterne til \(call) passer ikke. Brug: \(usage)",
                        en: "The arguments to \(call) do not fit. Usage: \(usage)")
        var html = pick(language, da: "<p>Argumenterne til \(code(call)) passer ikke. Brug: \(code(usage))</p>",
                        en: "<p>The arguments to \(code(call)) do not fit. Usage: \(code(usage))</p>")
        if name.takesTime {
            body += "\n" + timeFormats(language)
            html += paragraph(timeFormats(language))
        }
        return BotMessage(kind: .error, body: body, html: html, error: .badArguments)
    }

    /// A time or duration in the arguments could not be read: names the words, then the usage
    /// line and the time formats.
    public static func unreadableTime(_ name: CommandName, part: String, prefix: String, language: Language) -> BotMessage {
        let usage = name.usage(prefix: prefix, language: language)
        let call = prefix + name.displayWord(in: language)
        let part = shortened(part)
        let body = pick(language, da: "\(call): jeg kan ikke læse \(quoted(part, .da)) som tidspunkt eller varighed. Brug: \(usage)",
                        en: "\(call): I cannot read \(quoted(part, .en)) as a time or a duration. Usage: \(usage)")
            + "\n" + timeFormats(language)
        let html = pick(language,
                        da: "<p>\(code(call)): jeg kan ikke læse \(code(part)) som tidspunkt eller varighed. Brug: \(code(usage))</p>",
                        en: "<p>\(code(call)): I cannot read \(code(part)) as a time or a duration. Usage: \(code(usage))</p>")
            + paragraph(timeFormats(language))
        return BotMessage(kind: .error, body: body, html: html, error: .badArguments)
    }

    /// The command is known but what it does is not built yet.
    public static func notAvailableYet(_ name: CommandName, prefix: String = "!", language: Language) -> BotMessage {
        let call = prefix + name.displayWord(in: language)
        let body = pick(language, da: "\(call) virker ikke endnu. Intet er ændret.",
                        en: "\(call) is not available yet. Nothing was changed.")
        let html = pick(language, da: "<p>\(code(call)) virker ikke endnu. Intet er ændret.</p>",
                        en: "<p>\(code(call)) is not available yet. Nothing was changed.</p>")
        return BotMessage(kind: .error, body: body, html: html, error: .conflict)
    }

    /// Confirms `!language`, in the new language.
    public static func languageChanged(to language: Language) -> BotMessage {
        let body = pick(language, da: "Sproget i dette rum er nu \(language.name(in: .da)).",
                        en: "The language of this room is now \(language.name(in: .en)).")
        return BotMessage(kind: .reply, body: body, html: paragraph(body))
    }
}
