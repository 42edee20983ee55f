/// What the bot says, in one language and with one command prefix: `Texts(.da, prefix: "!")`,
/// made once per request or job, so neither is threaded through the calls that build a message.
public struct Texts: Sendable {
    /// The language every text of this value is in.
    public let language: Language
    /// The command prefix the texts show in the commands they name (`!` unless configured).
    public let prefix: String

    public init(_ language: Language, prefix: String = "!") {
        self.language = language
        self.prefix = prefix
    }

    /// Picks the text for `language`.
    func pick(da: String, en: String) -> String {
        language == .da ? da : en
    }

    /// A word quoted the way each language quotes (»…« in Danish, “…” in English).
    func quoted(_ text: String) -> String {
        language == .da ? "»\(text)«" : "“\(text)”"
    }

    /// Words set in code style, which the plain body quotes instead (»!hjælp« / “!help”).
    func quotedCode(_ text: String) -> MessageInline {
        .variants(plain: quoted(text), formatted: [.code(text)])
    }

    /// A command call as written in `language` (`!forstået`).
    func call(_ name: CommandName, _ arguments: String = "") -> String {
        prefix + name.displayWord(in: language) + (arguments.isEmpty ? "" : " " + arguments)
    }

    /// "gruppe A" / "group A".
    func groupLabel(_ group: String) -> String {
        pick(da: "gruppe \(Self.quote(group))", en: "group \(Self.quote(group))")
    }

    /// Long user words are cut so an error reply stays short (`TextLimits.quote`'s rule).
    static func shortened(_ text: String, limit: Int = TextLimits.wordCharacters) -> String {
        TextLimits.quote(text, limit: limit)
    }

    /// A person's text as a notice quotes it: `TextLimits.quote`.
    static func quote(_ text: String) -> String {
        TextLimits.quote(text)
    }

    /// The `<when>` and `<duration>` formats, for help on commands that take them.
    func timeFormats() -> String {
        pick(da: "<tidspunkt>: ÅÅÅÅ-MM-DD TT:MM, TT:MM eller kl. 14 / kl. 14.30 (næste gang klokken er det), "
                + "i morgen TT:MM eller i morgen kl. 9, en ugedag som ons 14:00 eller tors 13.30, eller +10m / +1t30m fra nu. "
                + "<varighed>: 90m, 90 min, 1t30m, 1 time, 2 timer eller 45s.",
             en: "<when>: YYYY-MM-DD HH:MM, HH:MM or at 14 (the next time the clock shows it), tomorrow HH:MM, "
                + "a weekday like wed 14:00, or +10m / +1h30m from now. <duration>: 90m, 90 min, 1h30m, 2h or 45s.")
    }

    /// Who may use a command, as a sentence start ("Only supervisors").
    func allowedPeople(_ name: CommandName) -> String {
        let roles = name.allowedRoles
        if roles == [.supervisor] { return pick(da: "Kun vejledere", en: "Only supervisors") }
        if roles == [.student] {
            return pick(da: "Kun studerende på holdlisten", en: "Only students on the roster")
        }
        if !roles.contains(.guest) {
            return pick(da: "Kun vejledere og studerende på holdlisten",
                        en: "Only supervisors and students on the roster")
        }
        return pick(da: "Alle", en: "Everyone")
    }
}
