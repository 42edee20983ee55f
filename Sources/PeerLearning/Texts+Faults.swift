extension Texts {
    /// A message the bot could not handle because of something in it; it will not be tried again.
    public static func messageNotHandled(language: Language) -> BotMessage {
        let body = pick(language,
                        da: "Jeg kunne ikke behandle denne besked, og intet er gemt fra den. Prøv igen med en anden formulering; hjælper det ikke, så kontakt en vejleder.",
                        en: "I could not handle this message, and nothing from it was saved. Try again worded differently; if that does not help, contact a supervisor.")
        return BotMessage(kind: .error, body: body, html: paragraph(body), error: .badArguments)
    }

    /// An encrypted message the bot could not read: its room key never reached it.
    public static func undecryptable(language: Language) -> BotMessage {
        let body = pick(language,
                        da: "Jeg kunne ikke læse din krypterede besked: nøglen til den nåede aldrig frem til mig, så intet er gemt fra den. Send den venligst igen.",
                        en: "I could not read your encrypted message: its key never reached me, so nothing from it was saved. Please send it again.")
        return BotMessage(kind: .undecryptable, body: body, html: paragraph(body))
    }

    /// A text over its kind's limit; nothing was saved.
    public static func textTooLong(_ kind: TextKind, length: Int, language: Language) -> BotMessage {
        let what = textKindName(kind, language)
        let body = pick(language,
                        da: "For lang tekst: \(what) må højst fylde \(kind.limit) tegn, og din tekst fylder \(length). Intet er gemt — forkort teksten og send den igen.",
                        en: "Text too long: \(what) may be at most \(kind.limit) characters, and yours has \(length). Nothing was saved — shorten the text and send it again.")
        return BotMessage(kind: .error, body: body, html: paragraph(body), error: .badArguments)
    }

    /// A reflection (thread reply, direct message or `!reflect`) with no text in it.
    public static func emptyReflection(language: Language) -> BotMessage {
        let body = pick(language,
                        da: "Din refleksion var tom, så intet er gemt. Skriv din refleksion som tekst.",
                        en: "Your reflection was empty, so nothing was saved. Write your reflection as text.")
        return BotMessage(kind: .error, body: body, html: paragraph(body), error: .badArguments)
    }

    /// To the supervisor room: a timed job failed again and again and is set aside.
    public static func jobSetAside(_ job: String, attempts: Int, language: Language) -> BotMessage {
        let body = pick(language,
                        da: "En planlagt opgave (\(job)) mislykkedes \(attempts) gange i træk og er lagt til side; den prøves ikke igen. Andre opgaver kører videre. Administratoren kan se årsagen i loggen.",
                        en: "A scheduled job (\(job)) failed \(attempts) times in a row and is set aside; it will not be tried again. Other jobs carry on. The administrator can find the cause in the log.")
        return BotMessage(kind: .alert, body: body, html: paragraph(body))
    }

    static func textKindName(_ kind: TextKind, _ language: Language) -> String {
        switch kind {
        case .reflection: pick(language, da: "en refleksion", en: "a reflection")
        case .question: pick(language, da: "et spørgsmål", en: "a question")
        case .task: pick(language, da: "en opgave", en: "a task")
        case .name: pick(language, da: "et navn eller en egenskab", en: "a name or attribute")
        case .title: pick(language, da: "en titel", en: "a title")
        case .goal: pick(language, da: "et mål eller udbytte", en: "a goal or outcome")
        case .brief: pick(language, da: "en beskrivelse", en: "a description")
        case .feedback: pick(language, da: "en feedback", en: "feedback")
        case .criteria: pick(language, da: "kriterierne", en: "the criteria")
        case .comment: pick(language, da: "en kommentar", en: "a comment")
        }
    }
}
