/// The bot's messages in Danish and English, each with a plain body and escaped HTML.
public enum Texts {
    /// Picks the text for `language`.
    static func pick(_ language: Language, da: String, en: String) -> String {
        language == .da ? da : en
    }

    /// User or configured text set in code style, escaped.
    static func code(_ text: String) -> String {
        "<code>" + HTML.escape(text) + "</code>"
    }

    /// A word quoted the way each language quotes (»…« in Danish, “…” in English).
    static func quoted(_ text: String, _ language: Language) -> String {
        language == .da ? "»\(text)«" : "“\(text)”"
    }

    /// Long user words are cut so an error reply stays short (`TextLimits.quote`'s rule).
    static func shortened(_ text: String, limit: Int = TextLimits.wordCharacters) -> String {
        TextLimits.quote(text, limit: limit)
    }

    /// A person's text as a notice quotes it: `TextLimits.quote`.
    static func quote(_ text: String) -> String {
        TextLimits.quote(text)
    }

    /// Plain text as HTML paragraphs: escaped, lines kept.
    static func paragraph(_ text: String) -> String {
        "<p>" + HTML.escape(text).replacingOccurrences(of: "\n", with: "<br>") + "</p>"
    }

    /// The `<when>` and `<duration>` formats, for help on commands that take them.
    static func timeFormats(_ language: Language) -> String {
        pick(language,
             da: "<tidspunkt>: ÅÅÅÅ-MM-DD TT:MM, TT:MM eller kl. 14 / kl. 14.30 (næste gang klokken er det), "
                + "i morgen TT:MM eller i morgen kl. 9, en ugedag som ons 14:00 eller tors 13.30, eller +10m / +1t30m fra nu. "
                + "<varighed>: 90m, 90 min, 1t30m, 1 time, 2 timer eller 45s.",
             en: "<when>: YYYY-MM-DD HH:MM, HH:MM or at 14 (the next time the clock shows it), tomorrow HH:MM, "
                + "a weekday like wed 14:00, or +10m / +1h30m from now. <duration>: 90m, 90 min, 1h30m, 2h or 45s.")
    }

    /// Who may use a command, as a sentence start ("Only supervisors").
    static func allowedPeople(_ name: CommandName, _ language: Language) -> String {
        let roles = name.allowedRoles
        if roles == [.supervisor] { return pick(language, da: "Kun vejledere", en: "Only supervisors") }
        if roles == [.student] {
            return pick(language, da: "Kun studerende på holdlisten", en: "Only students on the roster")
        }
        if !roles.contains(.guest) {
            return pick(language, da: "Kun vejledere og studerende på holdlisten",
                        en: "Only supervisors and students on the roster")
        }
        return pick(language, da: "Alle", en: "Everyone")
    }
}
